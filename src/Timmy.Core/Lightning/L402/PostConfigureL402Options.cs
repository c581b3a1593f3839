using Microsoft.Extensions.Options;

namespace Timmy.Core.Lightning.L402;

/// <summary>Supplies the default priced route when the configuration names none (a default list on the options class
/// would be appended to, not replaced, by configured routes).</summary>
public sealed class PostConfigureL402Options : IPostConfigureOptions<L402Options>
{
    public void PostConfigure(string? name, L402Options options)
    {
        if (options.Routes.Count == 0)
        {
            options.Routes.Add(L402Options.DefaultRoute);
        }
    }
}
