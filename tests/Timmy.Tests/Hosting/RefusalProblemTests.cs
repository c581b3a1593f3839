using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Timmy.Core.Chat;
using Timmy.Core.Refusals;
using Timmy.Core.Router;
using Timmy.Web.Hosting;

namespace Timmy.Tests.Hosting;

/// <summary>Each kind of refusal becomes one kind of answer, wherever it was thrown.</summary>
public sealed class RefusalProblemTests
{
    [Fact]
    public void For_Busy_Is409WithItsAdviceAndTheSessionId()
    {
        var problem = RefusalProblem.For(new ConversationBusyException("c1"));

        Assert.Equal(StatusCodes.Status409Conflict, problem.Status);
        Assert.Equal(ConversationBusyException.Headline, problem.Title);
        Assert.Equal(ConversationBusyException.Advice, problem.Detail);
        Assert.Equal("c1", problem.Extensions["session_id"]);
    }

    [Fact]
    public void For_UnknownThingInTheAddress_Is404()
    {
        var problem = RefusalProblem.For(new ProviderNotFoundException("nope"));

        Assert.Equal(StatusCodes.Status404NotFound, problem.Status);
        Assert.Equal("Unknown provider", problem.Title);
        Assert.Equal("No provider is named 'nope'.", problem.Detail);
    }

    [Fact]
    public void For_UnknownThingNamedByAField_Is400NamingTheField()
    {
        var problem = RefusalProblem.For(new ConversationNotFoundException("gone") { Field = "session_id" });

        var validation = Assert.IsType<HttpValidationProblemDetails>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, validation.Status);
        Assert.Equal(["There is no conversation with id 'gone'."], validation.Errors["session_id"]);
    }

    [Fact]
    public void For_InvalidFieldAndUsedUpAllowance_Are400And429()
    {
        Assert.Equal(["too long"], Assert.IsType<HttpValidationProblemDetails>(RefusalProblem.For(new InvalidFieldException("message", "too long"))).Errors["message"]);
        var limited = RefusalProblem.For(new LimitExceededException("wait"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, limited.Status);
        Assert.Equal("wait", limited.Detail);
    }

    [Theory]
    [InlineData("Message", "message")]
    [InlineData("SessionId", "session_id")]
    [InlineData("Messages[12].Role", "messages[12].role")]
    [InlineData("max_tokens", "max_tokens")]
    public void ValidationErrorNames_ToJsonName_ConvertsEachMember(string key, string expected) =>
        Assert.Equal(expected, ValidationErrorNames.ToJsonName(key, JsonNamingPolicy.SnakeCaseLower));
}
