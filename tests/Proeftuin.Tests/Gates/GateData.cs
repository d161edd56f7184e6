using Proeftuin.Features.Accounts;
using Proeftuin.Features.Gates;

namespace Proeftuin.Tests.Gates;

/// <summary>Seeds for the gate tests, the authorization matrix and the hostile sweep.</summary>
public static class GateData
{
    /// <summary>A fresh user with role Evaluator in the project.</summary>
    public static async Task<AppUser> EvaluatorAsync(ProeftuinFactory factory, int projectId)
    {
        var evaluator = await factory.Data.UserAsync(perspective: Perspective.Scientific, displayName: "Evaluator " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = projectId, UserId = evaluator.Id, Role = ProjectRole.Evaluator, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return evaluator;
    }

    /// <summary>An advice request in the project to these evaluators, open or already closed.</summary>
    public static Task<int> RequestAsync(ProeftuinFactory factory, int projectId, IEnumerable<string> evaluatorIds, bool open = true, string question = "Zijn we klaar voor de volgende fase?") =>
        factory.WithDbAsync(async db =>
        {
            var phase = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Phase).SingleAsync();
            var request = new GateAdviceRequest
            {
                ProjectId = projectId,
                ProposedVerdict = GateVerdict.Go,
                FromPhase = phase,
                ProposedPhase = phase == Phase.Test ? null : phase + 1,
                Question = question,
                AskedAt = DateTime.UtcNow,
                ClosedAt = open ? null : DateTime.UtcNow,
                Advice = evaluatorIds.Select(id => new GateAdvice { EvaluatorId = id }).ToList(),
            };
            db.Set<GateAdviceRequest>().Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}
