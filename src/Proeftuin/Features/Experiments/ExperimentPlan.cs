using System.Globalization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>A criterion as read from row <paramref name="Row"/> of the form (blank rows are left out).</summary>
public sealed record PlannedCriterion(int Row, string What, string Measure, string Threshold);

/// <summary>A rule set aside as read from row <paramref name="Row"/> of the form.</summary>
public sealed record PlannedRule(int Row, string Rule, string ApprovedBy, DateOnly Until);

/// <summary>
/// The plan of a proef as read from an <see cref="ExperimentInput"/> (everything but the prototype): trimmed texts,
/// dates and the number of participants. Only to be used when the <see cref="Validation"/> it was read with is valid.
/// </summary>
public sealed record ExperimentPlan(
    string Title, string Hypothesis, string Place, DateOnly? StartsOn, DateOnly? EndsOn, string ParticipantsWho, int? ParticipantCount,
    string Recruitment, string Safety, string MeasurementPlan, IReadOnlyList<PlannedCriterion> Criteria, IReadOnlyList<PlannedRule> Rules)
{
    public const int MaxCriteria = 10;
    public const int MaxRules = 10;

    /// <summary>
    /// Reads and checks the plan; setting up and editing a proef both come here, so both give the same Dutch messages at
    /// the same fields (Title, Criteria[0].Measure …).
    /// </summary>
    public static ExperimentPlan Read(Validation v, ExperimentInput input)
    {
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "een naam voor de proef");
        var hypothesis = v.Text("Hypothesis", input.Hypothesis, ExperimentLimits.Lengthy, label: "de hypothese");
        var place = v.Text("Place", input.Place, ExperimentLimits.Brief, label: "de plek");
        var starts = ExperimentDates.Read(v, "StartsOn", input.StartsOn, "de begindatum");
        var ends = ExperimentDates.Read(v, "EndsOn", input.EndsOn, "de einddatum");
        if (starts is { } s && ends is { } e)
        {
            if (e < s) v.Add("EndsOn", "De einddatum ligt voor de begindatum. Kies een einddatum op of na {0}.", ExperimentDates.Iso(s));
            else if (e.DayNumber - s.DayNumber > ExperimentLimits.MaxDays) v.Add("EndsOn", "Een proef duurt hoogstens vijf jaar. Kies een eerdere einddatum.");
        }
        var who = v.Text("ParticipantsWho", input.ParticipantsWho, ExperimentLimits.Medium, label: "wie er meedoen");
        var count = ReadCount(v, input.ParticipantCount);
        var recruitment = v.Text("Recruitment", input.Recruitment, ExperimentLimits.Medium, label: "hoe je deelnemers vindt");
        var safety = v.Text("Safety", input.Safety, ExperimentLimits.Lengthy, label: "de voorwaarden voor veiligheid en toestemming");
        var plan = v.Text("MeasurementPlan", input.MeasurementPlan, ExperimentLimits.Lengthy, label: "het meetplan");

        var criteria = new List<PlannedCriterion>();
        var criteriaIn = input.Criteria ?? [];
        if (criteriaIn.Count > MaxCriteria) v.Add("Criteria[0].What", "Een proef heeft hoogstens {0} succescriteria.", MaxCriteria);
        else
        {
            for (var i = 0; i < criteriaIn.Count; i++)
            {
                var c = criteriaIn[i];
                if (c is null || c.IsBlank) continue;
                var at = $"Criteria[{i.ToString(CultureInfo.InvariantCulture)}].";
                var what = v.Text(at + "What", c.What, ExperimentLimits.Medium, label: "wat je wilt bereiken");
                var measure = (c.Measure ?? "").Trim().Length == 0
                    ? Refuse(v, at + "Measure", "Een criterium zonder meting kan niet. Vul in hoe je het meet.")
                    : v.Text(at + "Measure", c.Measure, ExperimentLimits.Medium, label: "hoe je het meet");
                var threshold = v.Text(at + "Threshold", c.Threshold, ExperimentLimits.Brief, label: "de drempel");
                criteria.Add(new PlannedCriterion(i, what, measure, threshold));
            }
            if (criteria.Count == 0) v.Add("Criteria[0].What", "Vul minstens één succescriterium in: wat wil je bereiken, hoe meet je het, en vanaf wanneer is het gelukt?");
        }

        var rules = new List<PlannedRule>();
        var rulesIn = input.Rules ?? [];
        if (rulesIn.Count > MaxRules) v.Add("Rules[0].Rule", "Een proef heeft hoogstens {0} regels in de regelruimte.", MaxRules);
        else
        {
            for (var i = 0; i < rulesIn.Count; i++)
            {
                var r = rulesIn[i];
                if (r is null || r.IsBlank) continue;
                var at = $"Rules[{i.ToString(CultureInfo.InvariantCulture)}].";
                var rule = v.Text(at + "Rule", r.Rule, ExperimentLimits.Medium, label: "welke regel of werkwijze je opzij zet");
                var approvedBy = v.Text(at + "ApprovedBy", r.ApprovedBy, ExperimentLimits.Brief, label: "wie toestemming gaf");
                var until = ExperimentDates.Read(v, at + "Until", r.Until, "tot wanneer het mag");
                if (until is { } u && starts is { } start && u < start)
                    v.Add(at + "Until", "De regelruimte houdt op voordat de proef begint. Kies een datum op of na {0}.", ExperimentDates.Iso(start));
                rules.Add(new PlannedRule(i, rule, approvedBy, until ?? default));
            }
        }
        return new ExperimentPlan(title, hypothesis, place, starts, ends, who, count, recruitment, safety, plan, criteria, rules);
    }

    /// <summary>The words the search finds the proef by.</summary>
    public static string SearchTermsOf(Experiment e) =>
        DutchStems.ToSearchTerms([e.Title, e.Text, e.Place, e.ParticipantsWho, e.Safety, e.MeasurementPlan,
            .. e.Criteria.OrderBy(c => c.Position).Select(c => c.What), .. e.Rules.OrderBy(r => r.Position).Select(r => r.Rule)]);

    private static string Refuse(Validation v, string field, string message)
    {
        v.Add(field, message);
        return "";
    }

    private static int? ReadCount(Validation v, string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            v.Add("ParticipantCount", "Vul in hoeveel mensen er meedoen.");
            return null;
        }
        if (text.Length > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > ExperimentLimits.MaxParticipants)
        {
            v.Add("ParticipantCount", "Vul een aantal deelnemers in tussen 1 en {0}, in cijfers.", ExperimentLimits.MaxParticipants);
            return null;
        }
        return count;
    }
}
