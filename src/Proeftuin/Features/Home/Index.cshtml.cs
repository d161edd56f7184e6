using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Data;
using Proeftuin.Features.Programmes;

namespace Proeftuin.Features.Home;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class IndexModel(GetProgrammeOverview query, IConfiguration config, IHostEnvironment env) : PageModel
{
    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];
    /// <summary>Demo sign-in details are shown in Development only, never in production.</summary>
    public bool ShowDemoUsers => env.IsDevelopment() && DemoData.Enabled(config, env);

    public async Task OnGetAsync() => Programmes = await query.ListAsync(HttpContext.RequestAborted);
}
