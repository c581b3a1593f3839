using Microsoft.Extensions.AI;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

public sealed class LlamaPromptFormatterTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static readonly IReadOnlyList<(string, string)> Turns =
        LlamaPromptFormatter.Turns([new(ChatRole.System, "You are Timmy."), new(ChatRole.User, "hello"), new(ChatRole.Assistant, "")]);

    [Fact]
    public void Turns_EmptyMessages_AreDropped()
    {
        Assert.Equal([("system", "You are Timmy."), ("user", "hello")], Turns);
    }

    [Fact]
    public void Plain_Turns_AreATranscriptEndingWithTheAssistantCue()
    {
        Assert.Equal("System: You are Timmy.\n\nUser: hello\n\nAssistant:", LlamaPromptFormatter.Plain(Turns));
    }

    [Fact]
    public void Format_ModelWithChatTemplate_UsesItThroughLlamaCpp()
    {
        var file = TinyLlamaModel.Write(Path.Combine(model.Folder, "chatml.gguf"), ChatMlTemplate);
        using var session = Load(file);

        var (prompt, fromTemplate) = LlamaPromptFormatter.Format(session, Turns);

        Assert.True(fromTemplate);
        Assert.Equal("<|im_start|>system\nYou are Timmy.<|im_end|>\n<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public void Format_ModelWithoutTemplate_FallsBackToPlain()
    {
        using var session = Load(model.ModelFile);

        var (prompt, fromTemplate) = LlamaPromptFormatter.Format(session, Turns);

        Assert.False(fromTemplate);
        Assert.Null(session.ChatTemplate);
        Assert.Equal(LlamaPromptFormatter.Plain(Turns), prompt);
    }

    private static LlamaModelSession Load(string file) =>
        LlamaModelSession.Load(file, new LlamaCppSettings { ContextSize = 256, Threads = 1 });
}
