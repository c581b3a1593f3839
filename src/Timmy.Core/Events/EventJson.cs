using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The JSON shape used everywhere events leave the process: snake_case, UTC timestamps, no
/// indentation. HTML characters are not \u-escaped: JSON is data here, and every page escapes when it renders.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new UtcTimestampJsonConverter() },
    };
}
