using System.Runtime.InteropServices;
using System.Text;

namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>Formats chat turns with a model's template through <c>llama_chat_apply_template</c>, which
/// recognises the common template families (ChatML, Llama 2/3, Mistral, Gemma, Phi, …) without a Jinja
/// engine. Null means llama.cpp does not know the template and the caller should fall back.</summary>
internal static unsafe class LlamaChatTemplate
{
    public static string? Apply(LlamaNative native, string chatTemplate, IReadOnlyList<(string Role, string Content)> messages)
    {
        if (messages.Count == 0)
            return null;
        var strings = new List<nint>();
        try
        {
            var chat = new LlamaChatMessage[messages.Count];
            var total = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                var role = Marshal.StringToCoTaskMemUTF8(messages[i].Role);
                var content = Marshal.StringToCoTaskMemUTF8(messages[i].Content);
                strings.Add(role);
                strings.Add(content);
                chat[i] = new LlamaChatMessage { Role = role, Content = content };
                total += Encoding.UTF8.GetByteCount(messages[i].Content) + 64;
            }
            var template = Encoding.UTF8.GetBytes(chatTemplate + "\0");
            var buffer = new byte[Math.Max(256, total * 2)];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                int length;
                fixed (byte* t = template)
                fixed (LlamaChatMessage* c = chat)
                fixed (byte* b = buffer)
                    length = native.ChatApplyTemplate(t, c, (nuint)chat.Length, 1, b, buffer.Length);
                if (length < 0)
                    return null;
                if (length <= buffer.Length)
                    return Encoding.UTF8.GetString(buffer, 0, length);
                buffer = new byte[length];
            }
            return null;
        }
        finally
        {
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
        }
    }
}
