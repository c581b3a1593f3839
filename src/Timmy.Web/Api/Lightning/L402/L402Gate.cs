using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The gate of the priced routes, after authorization: a request let in by an L402 token has its use counted
/// once the response is written, with the model tokens the endpoint reported on its <see cref="L402Grant"/>. Who may
/// pass, and the 402/401/429 answers, are the <see cref="L402AuthenticationHandler"/>'s.</summary>
public static class L402Gate
{
    public static IApplicationBuilder UseL402(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        finally
        {
            if (context.Features.Get<L402Grant>() is { } grant)
            {
                await RecordAsync(context, grant);
            }
        }
    });

    private static async Task RecordAsync(HttpContext context, L402Grant grant)
    {
        try
        {
            await context.RequestServices.GetRequiredService<L402Service>().RecordUseAsync(grant.TokenId, grant.TokensRecorded, CancellationToken.None);
        }
        catch (Exception ex)
        {
            context.RequestServices.GetRequiredService<ILogger<L402Grant>>()
                .LogWarning(ex, "The use of L402 token {TokenId} could not be recorded.", grant.TokenId[..16]);
        }
    }
}
