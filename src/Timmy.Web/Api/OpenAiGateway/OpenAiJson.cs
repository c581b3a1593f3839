using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>How the gateway reads and writes OpenAI's wire format: snake_case, absent fields left out.</summary>
public static class OpenAiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
