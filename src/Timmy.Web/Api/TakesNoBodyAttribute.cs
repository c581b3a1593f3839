namespace Timmy.Web.Api;

/// <summary>Marks a POST handler that takes no request body on purpose (an action on the thing its address
/// names: clear, enable, probe). Every other POST reads a request record, so the OpenAPI document shows a
/// body for it; a test holds the API to that.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TakesNoBodyAttribute : Attribute;
