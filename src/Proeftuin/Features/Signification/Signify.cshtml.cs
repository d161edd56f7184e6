using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>
/// /verhalen/{id}/duiden: the teller places their story on the project's triads, sliders and stones. Open to who
/// may speak for the teller, also without an account through ?sleutel=KEY. Every question has plain inputs
/// (percentages, a range, numbers, choices); signify.js adds the triangle and canvas for pointer users.
/// </summary>
public sealed class SignifyModel(SignifyStory signify, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "sleutel")] public string? Key { get; set; }

    public SignifyView View { get; private set; } = null!;

    private Dictionary<string, IReadOnlyList<string>>? posted;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await signify.LoadAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        View = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!Request.HasFormContentType) return BadRequest();
        posted = Request.Form.Where(f => f.Key != "__RequestVerificationToken")
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList());
        var outcome = await signify.RunAsync(id, new SignifyInput(posted), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            if (outcome.Value!.ForOther) this.Flash("De antwoorden van de verteller zijn opgeslagen.");
            else this.Flash("Dank je wel. Je antwoorden over je verhaal zijn opgeslagen.");
            return Redirect($"/verhalen/{id}" + (string.IsNullOrEmpty(Key) ? "" : "?sleutel=" + Uri.EscapeDataString(Key)));
        }
        if (outcome.Status != OutcomeStatus.Invalid) return this.Fail(outcome, l);
        var loaded = await signify.LoadAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        View = loaded.Value!;
        ModelState.AddErrors(outcome.Errors, l, prefix: "");
        return Page();
    }

    public static string InputId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>What a field shows: the value just posted, else the answer saved before.</summary>
    public string? Value(string name)
    {
        if (posted is not null) return posted.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        return Saved(name);
    }

    public bool IsChecked(string name, string value = "true")
    {
        if (posted is not null) return posted.TryGetValue(name, out var v) && v.Contains(value);
        var parts = name.Split('.');
        var answer = View.Answers?.For(parts[0]);
        if (answer is null) return false;
        if (parts[^1] == "na") return answer.Na;
        return parts[^1] == "choice" && answer.Choices?.Contains(value) == true;
    }

    /// <summary>Where the triangle's marker goes: the three values shown, if they make a valid answer.</summary>
    public TriadShares? CurrentTriad(Signifier s)
    {
        var values = new[] { "top", "left", "right" }.Select(p => double.TryParse(Value(SignifyInput.Field(s, p))?.Replace(',', '.'),
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToArray();
        if (values.Any(x => x is null or > 100 or < 0 || !double.IsFinite(x.Value)) || Math.Abs(values.Sum(x => x!.Value) - 100) > 0.001) return null;
        return new TriadShares(values[0]!.Value / 100, values[1]!.Value / 100, values[2]!.Value / 100);
    }

    /// <summary>Errors of one signifier's fields, for the message next to it.</summary>
    public IReadOnlyList<string> ErrorsFor(Signifier s) =>
        ModelState.Where(e => e.Key.StartsWith(s.Id + ".", StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();

    public bool HasError(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0;

    private string? Saved(string name)
    {
        var parts = name.Split('.');
        var answer = View.Answers?.For(parts[0]);
        if (answer is null) return null;
        static string P(double? v) => v is { } d ? Math.Round(d * 100, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
        return parts[1..] switch
        {
            ["na"] => answer.Na ? "true" : null,
            ["top"] => P(answer.Triad?.Top),
            ["left"] => P(answer.Triad?.Left),
            ["right"] => P(answer.Triad?.Right),
            ["x"] => answer.Na ? null : P(answer.X),
            [var stone, var axis] when answer.Stones?.GetValueOrDefault(stone) is { } point => P(axis == "x" ? point.X : point.Y),
            _ => null,
        };
    }
}
