using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

public sealed record FeedbackFormSummary(int Id, string Title, bool IsOpen, bool SlipsRequired, int Questions, int Responses, DateTime CreatedAt);

public sealed record FeedbackSlipView(int Id, string Code, DateTime? UsedAt);

/// <summary>One form for its page: questions, the share link, how many answered, the slips.</summary>
public sealed record FeedbackFormView(FeedbackForm Form, FeedbackContext Context, string ShareUrl, int Responses, IReadOnlyList<FeedbackSlipView> Slips, int ResponseCap)
{
    public int SlipsLeft => Slips.Count(s => s.UsedAt is null);
}

/// <summary>The forms of a proef; one form with its link and slips; open and close; make printed slips.</summary>
public sealed class ManageFeedbackForms(AppDbContext db, FeedbackAccess access, PublicUrl publicUrl, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    /// <summary>Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).</summary>
    public static readonly string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public string ShareUrl(string token) => publicUrl.Base + "/f/" + token;

    public async Task<Outcome<(FeedbackContext Context, IReadOnlyList<FeedbackFormSummary> Forms)>> ListAsync(int experimentId, CancellationToken ct = default)
    {
        var context = await access.ForExperimentAsync(experimentId, edit: false, ct);
        if (!context.IsOk) return context.Status == OutcomeStatus.NotFound ? Outcome<(FeedbackContext, IReadOnlyList<FeedbackFormSummary>)>.NotFound() : Outcome<(FeedbackContext, IReadOnlyList<FeedbackFormSummary>)>.Forbidden();
        var forms = await db.Set<FeedbackForm>().AsNoTracking().Where(f => f.ExperimentId == experimentId).OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackFormSummary(f.Id, f.Title, f.IsOpen, f.SlipsRequired, f.Questions.Count,
                db.Set<FeedbackResponse>().Count(r => r.FormId == f.Id), f.CreatedAt))
            .ToListAsync(ct);
        return Outcome<(FeedbackContext, IReadOnlyList<FeedbackFormSummary>)>.Ok((context.Value!, forms));
    }

    public async Task<Outcome<FeedbackFormView>> GetAsync(int formId, CancellationToken ct = default)
    {
        var found = await access.ForFormAsync(formId, edit: false, ct: ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<FeedbackFormView>.NotFound() : Outcome<FeedbackFormView>.Forbidden();
        var (form, context) = found.Value;
        var responses = await db.Set<FeedbackResponse>().CountAsync(r => r.FormId == formId, ct);
        var slips = await db.Set<FeedbackSlip>().AsNoTracking().Where(s => s.FormId == formId).OrderBy(s => s.Id)
            .Select(s => new FeedbackSlipView(s.Id, s.Code, s.UsedAt)).ToListAsync(ct);
        return Outcome<FeedbackFormView>.Ok(new FeedbackFormView(form, context, ShareUrl(form.ShareToken), responses, slips, options.Value.MaxResponsesPerForm));
    }

    /// <summary>Open or close the form; the same state twice is refused (a stale page, a second click).</summary>
    public async Task<Outcome<FeedbackForm>> SetOpenAsync(int formId, bool open, CancellationToken ct = default)
    {
        var found = await access.ForFormAsync(formId, edit: true, track: true, ct: ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<FeedbackForm>.NotFound() : Outcome<FeedbackForm>.Forbidden();
        var form = found.Value.Form;
        if (form.IsOpen == open)
            return Outcome<FeedbackForm>.Invalid("", open ? "Het formulier is al open." : "Het formulier is al gesloten.");
        form.IsOpen = open;
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackForm>.Ok(form);
    }

    /// <summary>Makes <paramref name="count"/> new one-time slips (1–100 at a time, and not more than the form's maximum in all).</summary>
    public async Task<Outcome<int>> MakeSlipsAsync(int formId, string? count, CancellationToken ct = default)
    {
        var found = await access.ForFormAsync(formId, edit: true, ct: ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<int>.NotFound() : Outcome<int>.Forbidden();
        if (!int.TryParse((count ?? "").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 1 || n > FeedbackLimits.MaxSlipsAtOnce)
            return Outcome<int>.Invalid("Count", "Vul een aantal in van 1 tot en met {0}.", FeedbackLimits.MaxSlipsAtOnce);
        var existing = await db.Set<FeedbackSlip>().Where(s => s.FormId == formId).Select(s => s.Code).ToListAsync(ct);
        if (existing.Count + n > options.Value.MaxSlipsPerForm)
            return Outcome<int>.Invalid("Count", "Dit formulier kan hoogstens {0} kaartjes hebben. Er zijn er al {1}.", options.Value.MaxSlipsPerForm, existing.Count);
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < n; i++)
        {
            string code;
            do code = NewCode(); while (!taken.Add(code));
            db.Add(new FeedbackSlip { FormId = formId, Code = code, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(n);
    }

    public static string NewCode() =>
        string.Create(FeedbackLimits.SlipCodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    /// <summary>A code as typed (spaces, dashes, lower case) in its stored form; null when it cannot be one.</summary>
    public static string? NormalizeCode(string? typed)
    {
        if (typed is null || typed.Length > 40) return null;
        var code = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == FeedbackLimits.SlipCodeLength && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>How a code is printed: two groups of four.</summary>
    public static string Printed(string code) => code.Length == 8 ? code[..4] + "-" + code[4..] : code;
}
