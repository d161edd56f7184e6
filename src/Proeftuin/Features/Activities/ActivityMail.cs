using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>The mails about activities (in Dutch), with absolute links from App:PublicUrl.</summary>
public sealed class ActivityMail(AppDbContext db, IServiceProvider services)
{
    /// <summary>The address to mail: the guest's, or the account's.</summary>
    public async Task<string?> AddressOfAsync(ActivityRegistration r, CancellationToken ct) =>
        r.GuestEmail ?? (r.UserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) : null);

    /// <summary>The site's address; in the background job there is no request, so only App:PublicUrl (or nothing).</summary>
    public string Base
    {
        get
        {
            try { return services.GetRequiredService<PublicUrl>().Base; }
            catch (InvalidOperationException) { return ""; }
        }
    }

    public string Body(Activity a, ActivityRegistration r, string opening, string? cancelToken)
    {
        var b = new StringBuilder();
        b.Append("Hallo").Append(r.GuestName is { } name ? " " + name : "").AppendLine(",").AppendLine();
        b.AppendLine(opening).AppendLine();
        b.AppendLine(a.Title);
        b.Append("Wanneer: ").AppendLine(ActivityTimes.When(a.StartsAt, a.EndsAt, ActivityTimes.Dutch));
        b.Append("Waar: ").AppendLine(a.Place);
        if (a.Accessibility.Length > 0) b.Append("Toegankelijkheid: ").AppendLine(a.Accessibility);
        b.AppendLine();
        b.Append("Meer informatie: ").AppendLine($"{Base}/activiteiten/{a.Id}");
        b.Append("Zet het in je agenda: ").AppendLine($"{Base}/activiteiten/{a.Id}.ics");
        if (cancelToken is not null)
        {
            b.AppendLine().AppendLine("Kun je toch niet? Meld je af met deze link:");
            b.AppendLine($"{Base}/activiteiten/{a.Id}/afmelden?code={cancelToken}");
        }
        else if (r.GuestEmail is not null)
        {
            b.AppendLine().AppendLine("Kun je toch niet? Meld je af met de link in je eerste mail.");
        }
        return b.ToString();
    }
}
