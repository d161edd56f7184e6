using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>What the measurement form sends.</summary>
public sealed record MeasurementInput(int? CriterionId, string? Value, string? MeasuredOn, string? Note);

/// <summary>The team logs a measured value for one criterion of a running proef (own table; not a thread item).</summary>
public sealed class LogMeasurement(AppDbContext db, GetExperiment get, Caller user, TimeProvider clock)
{
    public async Task<Outcome<Measurement>> RunAsync(int experimentId, MeasurementInput input, CancellationToken ct = default)
    {
        if (await get.LoadAsync(experimentId, track: false, ct) is not var (experiment, p)) return Outcome<Measurement>.NotFound();
        if (!p.CanContribute) return Outcome<Measurement>.Forbidden();
        if (experiment.Status != ExperimentStatus.Running)
            return Outcome<Measurement>.Invalid("Value", experiment.Status == ExperimentStatus.Preparing
                ? "De proef is nog niet gestart. Start de proef voordat je metingen vastlegt."
                : "De proef is afgerond. Je kunt geen metingen meer toevoegen.");
        var v = new Validation();
        if (input.CriterionId is not { } criterionId)
            v.Add("CriterionId", "Kies het succescriterium waar deze meting bij hoort.");
        else if (!await db.Set<SuccessCriterion>().AnyAsync(c => c.Id == criterionId && c.ExperimentId == experimentId, ct))
            v.Add("CriterionId", "Kies een succescriterium van deze proef.");
        var value = v.Text("Value", input.Value, ExperimentLimits.Value, label: "de gemeten waarde");
        var day = ExperimentDates.Read(v, "MeasuredOn", input.MeasuredOn, "de datum");
        if (day is { } d)
        {
            if (d > ExperimentDates.Today(clock)) v.Add("MeasuredOn", "De datum ligt in de toekomst. Kies vandaag of een dag ervoor.");
            else if (d < experiment.StartsOn) v.Add("MeasuredOn", "De datum ligt voor het begin van de proef ({0}).", ExperimentDates.Iso(experiment.StartsOn));
        }
        var note = v.Text("Note", input.Note, ExperimentLimits.Medium, required: false, label: "de toelichting");
        if (!v.IsValid) return v;
        var measurement = new Measurement
        {
            ExperimentId = experiment.Id,
            CriterionId = input.CriterionId!.Value,
            Value = value,
            MeasuredOn = day!.Value,
            Note = note,
            AuthorId = user.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(measurement);
        await db.SaveChangesAsync(ct);
        return Outcome<Measurement>.Ok(measurement);
    }
}
