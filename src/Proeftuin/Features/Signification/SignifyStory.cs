using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>The story being signified, the questions to answer and the answers given so far.</summary>
public sealed record SignifyView(int StoryId, string StoryTitle, string? Prompt, FrameworkView Framework, SignificationAnswers? Answers)
{
    /// <summary>Filled in by the facilitator who recorded the story, not by its teller: the page speaks to her.</summary>
    public bool ForOther { get; init; }
}

/// <summary>
/// The form as posted, by field name: <c>{id}.na</c>; a triad's <c>{id}.top</c>, <c>{id}.left</c>, <c>{id}.right</c>
/// (percentages); a dyad's <c>{id}.x</c> (0–100); a stone's <c>{id}.{stone}.x</c> and <c>{id}.{stone}.y</c> (0–100);
/// a list's <c>{id}.choice</c> (repeated for several choices). <c>{id}.untouched</c> marks a slider nobody moved (added by signify.js).
/// </summary>
public sealed class SignifyInput(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
{
    public string? Value(string name) => fields.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
    public IReadOnlyList<string> Values(string name) => fields.TryGetValue(name, out var v) ? v : [];
    public bool IsChecked(string name) => Value(name) is { } v && (v == "true" || v == "on");

    public static string NaField(Signifier s) => $"{s.Id}.na";
    public static string Field(Signifier s, string part) => $"{s.Id}.{part}";
    public static string StoneField(Signifier s, SignifierLabel stone, string axis) => $"{s.Id}.{stone.Id}.{axis}";
}

/// <summary>
/// The teller gives meaning to their own story (after telling it): only who may speak for the teller (their account,
/// the holder of the private key, the facilitator who recorded it), never for a withdrawn story. All answers are
/// checked first and saved together, or none is; signifying again replaces the answers.
/// </summary>
public sealed class SignifyStory(AppDbContext db, ProjectAccess access, GetFramework frameworks, Caller user, TimeProvider clock)
{
    public async Task<Outcome<SignifyView>> LoadAsync(int storyId, CancellationToken ct = default)
    {
        var (story, refused) = await FindAsync(storyId, ct);
        if (story is null) return refused!;
        var framework = await frameworks.LoadAsync(story.ProjectId, ct);
        if (framework is null) return Outcome<SignifyView>.NotFound();
        var prompt = story.PromptId is { } pid ? await db.StoryPrompts.Where(p => p.Id == pid).Select(p => p.Text).FirstOrDefaultAsync(ct) : null;
        return Outcome<SignifyView>.Ok(new SignifyView(story.Id, story.Title, prompt, framework, SignificationAnswers.FromJson(story.SignificationJson))
        {
            ForOther = !StoryConsent.IsTellerOrKeyHolder(story, user),
        });
    }

    public async Task<Outcome<SignifyView>> RunAsync(int storyId, SignifyInput input, CancellationToken ct = default)
    {
        var (story, refused) = await FindAsync(storyId, ct);
        if (story is null) return refused!;
        var framework = await frameworks.LoadAsync(story.ProjectId, ct);
        if (framework is null) return Outcome<SignifyView>.NotFound();

        var v = new Validation();
        var answers = Read(framework.Definition, input, v);
        if (!v.IsValid) return v;
        var signification = new SignificationAnswers(answers);
        var json = signification.ToJson();
        var version = framework.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only while the story is not withdrawn: a withdrawal in between must never get its answers back.
        var saved = await db.Stories.Where(s => s.Id == story.Id && s.WithdrawnAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SignificationJson, json).SetProperty(s => s.FrameworkVersion, version)
                .SetProperty(s => s.SignifiedAt, now), ct);
        if (saved == 0) return Outcome<SignifyView>.NotFound();
        return Outcome<SignifyView>.Ok(new SignifyView(story.Id, story.Title, null, framework, signification)
        {
            ForOther = !StoryConsent.IsTellerOrKeyHolder(story, user),
        });
    }

    /// <summary>The story, if the caller may speak for its teller; otherwise 404 for who may not even read it, 403 for who may.</summary>
    private async Task<(Story? Story, Outcome<SignifyView>? Refused)> FindAsync(int storyId, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        if (story is null || story.IsWithdrawn) return (null, Outcome<SignifyView>.NotFound());
        var permissions = await access.ForProjectAsync(story.ProjectId, ct);
        if (StoryConsent.MaySpeakFor(story, user, permissions)) return (story, null);
        return (null, permissions is not null && permissions.CanRead(story) ? Outcome<SignifyView>.Forbidden() : Outcome<SignifyView>.NotFound());
    }

    /// <summary>Every signifier's answer, checked against the framework; unanswered optional questions are left out.</summary>
    internal static Dictionary<string, SignifierAnswer> Read(FrameworkDefinition framework, SignifyInput input, Validation v)
    {
        var answers = new Dictionary<string, SignifierAnswer>();
        foreach (var s in framework.Signifiers)
        {
            if (input.IsChecked(SignifyInput.NaField(s)))
            {
                if (s.AllowNa) answers[s.Id] = new SignifierAnswer { Na = true };
                else v.Add(SignifyInput.NaField(s), "Bij de vraag '{0}' kun je niet 'niet van toepassing' kiezen.", s.Title);
                continue;
            }
            var answer = s.Type switch
            {
                SignifierType.Triad => ReadTriad(s, input, v),
                SignifierType.Dyad => ReadDyad(s, input, v),
                SignifierType.Stones => ReadStones(s, input, v),
                _ => ReadList(s, input, v),
            };
            if (answer is not null) answers[s.Id] = answer;
            else if (s.Required && !v.Errors.Any(e => e.Field.StartsWith(s.Id + ".", StringComparison.Ordinal)))
                v.Add(FirstField(s), "Beantwoord de vraag '{0}'.", s.Title);
        }
        return answers;
    }

    private static string FirstField(Signifier s) => s.Type switch
    {
        SignifierType.Triad => SignifyInput.Field(s, "top"),
        SignifierType.Dyad => SignifyInput.Field(s, "x"),
        SignifierType.Stones => SignifyInput.StoneField(s, s.Stones![0], "x"),
        _ => SignifyInput.Field(s, "choice"),
    };

    private static SignifierAnswer? ReadTriad(Signifier s, SignifyInput input, Validation v)
    {
        string[] parts = ["top", "left", "right"];
        SignifierLabel[] anchors = [s.Top, s.Left, s.Right];
        var raw = parts.Select(p => input.Value(SignifyInput.Field(s, p))).ToArray();
        if (raw.All(string.IsNullOrWhiteSpace)) return null;
        var values = new double[3];
        var ok = true;
        for (var i = 0; i < 3; i++)
        {
            // A box left empty next to filled ones counts as 0: "50, 50 and nothing" is a clear answer.
            if (string.IsNullOrWhiteSpace(raw[i])) continue;
            var value = Percentage(SignifyInput.Field(s, parts[i]), anchors[i].Text, raw[i]!, v);
            if (value is null) ok = false; else values[i] = value.Value;
        }
        if (!ok) return null;
        var sum = values.Sum();
        if (Math.Abs(sum - 100) > 0.001)
        {
            v.Add(SignifyInput.Field(s, "top"), "De drie percentages moeten samen 100 zijn. Nu is het samen {0}.", Math.Round(sum, 2));
            return null;
        }
        var shares = new TriadShares(Round(values[0] / 100), Round(values[1] / 100), Round(values[2] / 100));
        var (x, y) = Triad.ToPoint(shares);
        return new SignifierAnswer { X = Round(x), Y = Round(y), Top = shares.Top, Left = shares.Left, Right = shares.Right };
    }

    private static SignifierAnswer? ReadDyad(Signifier s, SignifyInput input, Validation v)
    {
        var raw = input.Value(SignifyInput.Field(s, "x"));
        // A slider always sends a value; signify.js says when nobody moved it, so 50 is not recorded by default.
        if (string.IsNullOrWhiteSpace(raw) || input.IsChecked(SignifyInput.Field(s, "untouched"))) return null;
        var value = Percentage(SignifyInput.Field(s, "x"), s.Title, raw, v);
        return value is null ? null : new SignifierAnswer { X = Round(value.Value / 100) };
    }

    private static SignifierAnswer? ReadStones(Signifier s, SignifyInput input, Validation v)
    {
        var placed = new Dictionary<string, StonePoint?>();
        var any = false;
        foreach (var stone in s.Stones ?? [])
        {
            var xField = SignifyInput.StoneField(s, stone, "x");
            var yField = SignifyInput.StoneField(s, stone, "y");
            var rawX = input.Value(xField);
            var rawY = input.Value(yField);
            if (string.IsNullOrWhiteSpace(rawX) && string.IsNullOrWhiteSpace(rawY))
            {
                placed[stone.Id] = null;
                continue;
            }
            if (string.IsNullOrWhiteSpace(rawX) || string.IsNullOrWhiteSpace(rawY))
            {
                v.Add(string.IsNullOrWhiteSpace(rawX) ? xField : yField, "Vul bij {0} allebei de getallen in, of laat ze allebei leeg.", stone.Text);
                continue;
            }
            var x = Percentage(xField, stone.Text, rawX, v);
            var y = Percentage(yField, stone.Text, rawY, v);
            if (x is null || y is null) continue;
            placed[stone.Id] = new StonePoint(Round(x.Value / 100), Round(y.Value / 100));
            any = true;
        }
        return any && !v.Errors.Any(e => e.Field.StartsWith(s.Id + ".", StringComparison.Ordinal)) ? new SignifierAnswer { Stones = placed } : null;
    }

    private static SignifierAnswer? ReadList(Signifier s, SignifyInput input, Validation v)
    {
        var field = SignifyInput.Field(s, "choice");
        var chosen = input.Values(field).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        if (chosen.Count == 0) return null;
        var items = s.Items ?? [];
        if (chosen.Any(c => items.All(i => i.Id != c)))
        {
            v.Add(field, "Kies bij '{0}' een van de antwoorden die er staan.", s.Title);
            return null;
        }
        if (!s.Multiple && chosen.Count > 1)
        {
            v.Add(field, "Kies bij '{0}' één antwoord.", s.Title);
            return null;
        }
        // Stored in the framework's order, whatever order the browser sent them in.
        return new SignifierAnswer { Choices = items.Select(i => i.Id).Where(chosen.Contains).ToList() };
    }

    /// <summary>A percentage 0–100; a comma works as the decimal sign too (Dutch keyboards).</summary>
    private static double? Percentage(string field, string label, string raw, Validation v)
    {
        var text = raw.Trim().Replace(',', '.');
        if (text.Length > 20 || !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            v.Add(field, "{0}: vul een getal in van 0 tot en met 100.", label);
            return null;
        }
        if (value < 0)
        {
            v.Add(field, "{0}: het getal kan niet kleiner zijn dan 0.", label);
            return null;
        }
        if (value > 100)
        {
            v.Add(field, "{0}: het getal kan niet groter zijn dan 100.", label);
            return null;
        }
        return value;
    }

    private static double Round(double value) => Math.Round(value, 6);
}
