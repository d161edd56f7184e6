using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>One answer on the form: the prompt it answers and the text (empty: no answer, or take the earlier one back).</summary>
public sealed record AnswerInput(int PromptId, string? Text);

/// <summary>
/// A team member answers the reflection's prompts, before or during it: one answer per prompt, which they can change
/// or empty again until the evaluator closes the reflection. The answer carries the perspective they bring to the
/// project, so the outcome can weigh what each kennisbron saw.
/// </summary>
public sealed class AnswerReflection(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock)
{
    public const string NothingAnswered = "Schrijf bij minstens één vraag een antwoord.";

    public Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> CanAnswerAsync(int id, CancellationToken ct = default) =>
        ReflectionRules.LoadAsync(db, access, id, ReflectionRules.MayAnswer, ct);

    /// <summary>The caller's own answers by prompt: the form starts from them.</summary>
    public Task<Dictionary<int, string>> MineAsync(int id, CancellationToken ct = default) =>
        db.Set<ReflectionAnswer>().AsNoTracking().Where(a => a.ReflectionId == id && a.UserId == user.Id).ToDictionaryAsync(a => a.PromptId, a => a.Text, ct);

    public async Task<Outcome<int>> RunAsync(int id, IReadOnlyList<AnswerInput> answers, CancellationToken ct = default)
    {
        var allowed = await CanAnswerAsync(id, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<int>.NotFound() : Outcome<int>.Forbidden();
        var (reflection, p) = allowed.Value;
        if (reflection.Status == ReflectionStatus.Done) return Outcome<int>.Invalid("Answers[0]", ReflectionRules.Closed);

        var v = new Validation();
        var prompts = reflection.Prompts.Select(x => x.Id).ToHashSet();
        var texts = new Dictionary<int, string>();
        for (var i = 0; i < answers.Count; i++)
        {
            var text = v.Text($"Answers[{i}]", answers[i].Text, ReflectionLimits.Answer, required: false, label: "je antwoord");
            if (!prompts.Contains(answers[i].PromptId) || texts.ContainsKey(answers[i].PromptId)) v.Add($"Answers[{i}]", "Deze vraag hoort niet bij de reflectie. Laad de pagina opnieuw.");
            else texts[answers[i].PromptId] = text;
        }
        if (!v.IsValid) return v;

        var mine = await db.Set<ReflectionAnswer>().Where(a => a.ReflectionId == id && a.UserId == user.Id).ToListAsync(ct);
        var kept = mine.Where(a => !texts.ContainsKey(a.PromptId)).Count();
        if (kept + texts.Count(t => t.Value.Length > 0) == 0) return Outcome<int>.Invalid("Answers[0]", NothingAnswered);

        var now = clock.GetUtcNow().UtcDateTime;
        var perspective = p.Perspective ?? Perspective.Experience;
        foreach (var (promptId, text) in texts)
        {
            var earlier = mine.FirstOrDefault(a => a.PromptId == promptId);
            if (text.Length == 0)
            {
                if (earlier is not null) db.Remove(earlier);
            }
            else if (earlier is null)
                db.Add(new ReflectionAnswer { ReflectionId = id, PromptId = promptId, UserId = user.Id, Perspective = perspective, Text = text, CreatedAt = now, UpdatedAt = now });
            else if (earlier.Text != text)
            {
                earlier.Text = text;
                earlier.Perspective = perspective;
                earlier.UpdatedAt = now;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the first one's answers stand.
            return Outcome<int>.Invalid("Answers[0]", "Je antwoorden zijn net al bewaard. Kijk ze na en bewaar opnieuw als je iets wilt veranderen.");
        }
        return Outcome<int>.Ok(id);
    }
}
