using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// Gathers a reflection's answers in a live session, so guests (residents without an account) answer too: one silent
/// writing step per prompt, with the prompt as its title, then a sharing step. Guests join by the session's code; their
/// post-its, with the perspective they chose, show on the reflection beside the team's answers. The session is planned
/// through the live-session module's own use case; the reflection and its prompts are tied to it in the same transaction.
/// </summary>
public sealed class GatherInSession(AppDbContext db, PlanSession plan, ProjectAccess access, TimeProvider clock)
{
    public const string StepInstruction = "Schrijf je antwoord op deze vraag. Zet één gedachte op elke post-it.";
    public const string AlreadyGathering = "Deze reflectie heeft al een live sessie.";

    /// <summary>Only who may plan a live session (facilitators, admins), on an open reflection without a session yet.</summary>
    public Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> CanGatherAsync(int id, CancellationToken ct = default) =>
        ReflectionRules.LoadAsync(db, access, id, p => p.CanFacilitate, ct);

    public async Task<Outcome<int>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await CanGatherAsync(id, ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<int>.NotFound() : Outcome<int>.Forbidden();
        var reflection = found.Value.Reflection;
        if (reflection.Status == ReflectionStatus.Done) return Outcome<int>.Invalid("Session", ReflectionRules.Closed);
        if (reflection.SessionId is not null) return Outcome<int>.Invalid("Session", AlreadyGathering);

        var prompts = reflection.Prompts.OrderBy(p => p.Position).ToList();
        var title = "Reflectie: " + reflection.Title;
        if (title.Length > SessionLimits.Title) title = title[..(SessionLimits.Title - 2)] + " …";
        // The session keeps a planned day only from today on; a reflection registered afterwards gathers without one.
        var day = reflection.HeldOn >= ExperimentDates.Today(clock) ? ExperimentDates.Iso(reflection.HeldOn) : null;
        var forms = prompts.Select(_ => WorkForm.SilentWriting).Append(WorkForm.Sharing).ToList();

        return await db.InTransactionAsync(async (tx, ct) =>
        {
            var created = await plan.CreateAsync(reflection.ProjectId, new SessionInput(title, [], day), forms, ct);
            if (!created.IsOk) return created.Status == OutcomeStatus.Invalid ? Outcome<int>.Invalid(created.Errors) : Outcome<int>.Forbidden();
            var session = created.Value!;
            var steps = session.Steps.OrderBy(s => s.Position).ToList();
            for (var i = 0; i < prompts.Count; i++)
            {
                steps[i].Title = prompts[i].Text;
                steps[i].Instruction = StepInstruction;
                prompts[i].StepId = steps[i].Id;
            }
            reflection.SessionId = session.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<int>.Ok(session.Id);
        }, ct);
    }
}
