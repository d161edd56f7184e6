using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Notifications;

[Authorize]
public sealed class IndexModel(GetNotifications query) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await query.RunAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostReadAsync()
    {
        await query.MarkAllReadAsync(HttpContext.RequestAborted);
        this.Flash("Alle meldingen zijn gelezen.");
        return Redirect("/meldingen");
    }
}
