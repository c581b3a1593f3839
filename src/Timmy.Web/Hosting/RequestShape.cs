using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Timmy.Web.Hosting;

/// <summary>What a good JSON body looks like, in words, read from its request record: "an object with
/// message (required), session_id".</summary>
public static class RequestShape
{
    public static string Describe(Type body, JsonSerializerOptions json)
    {
        var required = body.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
            .Select(p => p.Name)
            .Concat(body.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null).Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fields = json.GetTypeInfo(body).Properties
            .Select(p => p.Name + (p.AttributeProvider is MemberInfo m && required.Contains(m.Name) ? " (required)" : ""));
        return "an object with " + string.Join(", ", fields);
    }
}
