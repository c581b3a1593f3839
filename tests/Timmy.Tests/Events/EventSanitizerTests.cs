using System.Text.Json;
using System.Text.Json.Nodes;
using Timmy.Core.Events;

namespace Timmy.Tests.Events;

public sealed class EventSanitizerTests
{
    [Fact]
    public void Text_Newlines_AreEscapedSoTheyCannotForgeAnEntry()
    {
        var clean = EventSanitizer.Text("ok\n2026-01-01 system.error forged\r\x1b[31m", 500);

        Assert.DoesNotContain('\n', clean);
        Assert.DoesNotContain('\r', clean);
        Assert.DoesNotContain('\x1b', clean);
        Assert.Equal("ok\\n2026-01-01 system.error forged\\r\\u001b[31m", clean);
    }

    [Fact]
    public void Text_OverLong_IsCutWithMarker()
    {
        var clean = EventSanitizer.Text(new string('a', 150), 100);

        Assert.Equal(new string('a', 100) + "…[truncated 50 chars]", clean);
    }

    [Fact]
    public void Text_LineSeparatorAndBidiOverride_AreEscaped()
    {
        Assert.Equal("a\\u2028b\\u202ec", EventSanitizer.Text("a\u2028b\u202Ec", 100));
    }

    [Fact]
    public void Data_SecretLookingKeys_AreRedactedAtAnyDepth()
    {
        var data = EventSanitizer.Data(new
        {
            user = "owner",
            password = "hunter2",
            nested = new { Api_Key = "sk-123", macaroon = "0201", payment_preimage = "abcd", client_secret = "x", plain = "keep" },
            list = new object[] { new { token = "t" } },
        });

        var json = data.GetRawText();
        Assert.DoesNotContain("hunter2", json);
        Assert.DoesNotContain("sk-123", json);
        Assert.DoesNotContain("0201", json);
        Assert.DoesNotContain("abcd", json);
        Assert.Equal("owner", data.GetProperty("user").GetString());
        Assert.Equal("keep", data.GetProperty("nested").GetProperty("plain").GetString());
        Assert.Equal(EventSanitizer.Redacted, data.GetProperty("list")[0].GetProperty("token").GetString());
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("authToken")]
    [InlineData("X-Api-Key")]
    [InlineData("privateKey")]
    [InlineData("password_hash")]
    [InlineData("tokens")]
    [InlineData("api_tokens")]
    [InlineData("access_tokens")]
    [InlineData("refresh_tokens")]
    [InlineData("session_tokens_cache")]
    [InlineData("token_in")]
    [InlineData("secret_out")]
    public void IsSecretKey_NamesOfSecrets_AreSecret(string key) => Assert.True(EventSanitizer.IsSecretKey(key));

    [Theory]
    [InlineData("token_id")]
    [InlineData("token_name")]
    [InlineData("tokens_in")]
    [InlineData("max_tokens")]
    [InlineData("prompt_tokens")]
    [InlineData("api_key_env")]
    [InlineData("provider")]
    public void IsSecretKey_IdsNamesAndCountsOfSecrets_AreKept(string key) => Assert.False(EventSanitizer.IsSecretKey(key));

    [Fact]
    public void Data_NonObject_IsWrappedUnderValue()
    {
        var data = EventSanitizer.Data("just text");

        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal("just text", data.GetProperty("value").GetString());
    }

    [Fact]
    public void Data_Null_IsEmptyObject()
    {
        Assert.Equal("{}", EventSanitizer.Data(null).GetRawText());
    }

    [Fact]
    public void Data_StringValuesWithControlCharacters_AreEscaped()
    {
        var data = EventSanitizer.Data(JsonNode.Parse("""{"msg":"line1\nline2"}"""));

        Assert.Equal("line1\\nline2", data.GetProperty("msg").GetString());
    }

    [Fact]
    public void Data_TooDeepAndTooLong_AreBounded()
    {
        JsonNode deep = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 20; i++)
        {
            deep = new JsonObject { ["n"] = deep };
        }
        var array = new JsonArray(Enumerable.Range(0, 150).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

        var data = EventSanitizer.Data(new JsonObject { ["deep"] = deep, ["array"] = array });

        Assert.Contains("[too deep]", data.GetRawText());
        Assert.Equal(EventSanitizer.MaxItems + 1, data.GetProperty("array").GetArrayLength());
    }

    [Fact]
    public void Data_KeysThatEscapeAlike_KeepTheFirst_AndTheResultIsValidJson()
    {
        var data = EventSanitizer.Data(JsonNode.Parse("""{"a\nb":1,"a\\nb":2,"n":null,"token":null}"""));

        Assert.Equal(1, data.GetProperty("a\\nb").GetInt32());
        Assert.Equal(3, data.EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("token").ValueKind);
    }

    [Fact]
    public void Data_NumbersAndBooleans_KeepTheirExactForm()
    {
        var data = EventSanitizer.Data(JsonDocument.Parse("""{"sats":2100000000000000,"fee":0.25,"ok":true}""").RootElement);

        Assert.Equal("""{"sats":2100000000000000,"fee":0.25,"ok":true}""", data.GetRawText());
    }

    [Fact]
    public void Data_ManyKeys_AreCutWithACountOfTheRest()
    {
        var wide = new JsonObject();
        for (var i = 0; i < EventSanitizer.MaxItems + 7; i++)
        {
            wide["k" + i] = i;
        }

        var data = EventSanitizer.Data(wide);

        Assert.Equal("7 more keys", data.GetProperty("_truncated").GetString());
        Assert.Equal(EventSanitizer.MaxItems + 1, data.EnumerateObject().Count());
    }
}
