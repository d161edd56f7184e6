using System.Globalization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>The Dutch words (localizer keys, B1) for an experiment's status, results and decisions.</summary>
public static class ExperimentWords
{
    public static string Label(this ExperimentStatus status) => status switch
    {
        ExperimentStatus.Preparing => "In voorbereiding",
        ExperimentStatus.Running => "Loopt",
        ExperimentStatus.Ended => "Afgerond",
        _ => status.ToString(),
    };

    public static string Label(this CriterionResult result) => result switch
    {
        CriterionResult.Met => "Gehaald",
        CriterionResult.Partly => "Deels gehaald",
        CriterionResult.NotMet => "Niet gehaald",
        _ => result.ToString(),
    };

    public static string Label(this DecisionChoice choice) => choice switch
    {
        DecisionChoice.Continue => "Doorgaan (opschalen)",
        DecisionChoice.Adjust => "Bijsturen",
        DecisionChoice.Stop => "Stoppen",
        _ => choice.ToString(),
    };
}

/// <summary>The API (and export) names of the experiment's enums (ADR 0017): written out, never derived.</summary>
public static class ExperimentSlugs
{
    public static readonly ApiSlugs<ExperimentStatus> Status = new(new Dictionary<ExperimentStatus, string>
    {
        [ExperimentStatus.Preparing] = "Preparing",
        [ExperimentStatus.Running] = "Running",
        [ExperimentStatus.Ended] = "Ended",
    });

    public static readonly ApiSlugs<CriterionResult> Result = new(new Dictionary<CriterionResult, string>
    {
        [CriterionResult.Met] = "Met",
        [CriterionResult.Partly] = "Partly",
        [CriterionResult.NotMet] = "NotMet",
    });

    public static readonly ApiSlugs<DecisionChoice> Choice = new(new Dictionary<DecisionChoice, string>
    {
        [DecisionChoice.Continue] = "Continue",
        [DecisionChoice.Adjust] = "Adjust",
        [DecisionChoice.Stop] = "Stop",
    });
}

/// <summary>Calendar days as the form and the API send them, read the same way for both, with Dutch messages.</summary>
public static class ExperimentDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"];

    /// <summary>Today in the Netherlands: "not in the future" and "days left" are about Dutch calendar days.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Shared.Dates.Local(clock.GetUtcNow().UtcDateTime));

    /// <summary>A day between the years 2000 and 2100, or an error on the field; null when it is missing or wrong.</summary>
    public static DateOnly? Read(Validation v, string field, string? value, string label, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            if (required) v.Add(field, "Vul {0} in.", label);
            return null;
        }
        if (text.Length > 20 || !DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            v.Add(field, "{0} is geen datum. Schrijf het zo: 2026-12-31.", label);
            return null;
        }
        if (day.Year is < 2000 or > 2100)
        {
            v.Add(field, "{0} ligt te ver weg. Kies een datum tussen 2000 en 2100.", label);
            return null;
        }
        return day;
    }

    /// <summary>For the value of a date field: 2026-12-31.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"31 december 2026" in the request's language.</summary>
    public static string Written(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
