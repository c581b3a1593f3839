using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timmy.Core.Storage;

/// <summary>Writes every <see cref="DateTimeOffset"/> as UTC ISO-8601 with a <c>Z</c> (DESIGN.md's rule).</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture));
}
