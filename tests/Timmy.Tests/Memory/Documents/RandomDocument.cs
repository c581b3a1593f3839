using System.Text;

namespace Timmy.Tests.Memory.Documents;

/// <summary>Random text and Markdown for chunking properties: headings (ATX and setext), fences, paragraphs
/// of sentences, long words, emoji, CRLF and stray whitespace.</summary>
public static class RandomDocument
{
    private static readonly string[] Words =
        ["the", "memory", "keeps", "a", "chunk", "of", "text.", "Why?", "It", "works!", "café", "😀", "x", "naïve", "#tag", "---", "==="];

    public static string Create(Random random, int length)
    {
        var text = new StringBuilder(length + 200);
        while (text.Length < length)
        {
            switch (random.Next(12))
            {
                case 0:
                    text.Append(new string('#', random.Next(1, 8))).Append(' ').Append(Word(random)).Append('\n');
                    break;
                case 1:
                    text.Append(Word(random)).Append('\n').Append(random.Next(2) == 0 ? "===" : "---").Append('\n');
                    break;
                case 2:
                    text.Append("```\n# code\n\n").Append(Word(random)).Append(random.Next(3) == 0 ? "\n" : "\n```\n");
                    break;
                case 3:
                    text.Append(new string('w', random.Next(1, 700)));
                    break;
                case 4:
                    text.Append(random.Next(2) == 0 ? "\r\n" : "\n\n");
                    break;
                case 5:
                    text.Append(" \t ");
                    break;
                default:
                    text.Append(Word(random)).Append(random.Next(8) == 0 ? '\n' : ' ');
                    break;
            }
        }
        return text.ToString();
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];
}
