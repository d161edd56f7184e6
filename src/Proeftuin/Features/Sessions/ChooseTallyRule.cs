using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The facilitator chooses how small perspectives count (issue 15), before the vote opens: while planning, and on the
/// session page until the first vote step has started. After that the rule is fixed, so nobody can pick the rule that
/// suits the outcome.
/// </summary>
public sealed class ChooseTallyRule(PlanSession plan, SessionEvents events)
{
    public const string Fixed = "Het stemmen is al begonnen. De regel voor kleine groepen ligt nu vast, zodat niemand hem achteraf kan kiezen.";

    /// <summary>Rule and threshold as typed; NotFound/Forbidden as <see cref="PlanSession.PlannerAsync"/>.</summary>
    public async Task<Outcome<int>> RunAsync(int sessionId, string? rule, string? minVoters, CancellationToken ct = default)
    {
        var found = await plan.PlannerAsync(sessionId, ct);
        if (found.Status == OutcomeStatus.NotFound) return Outcome<int>.NotFound();
        if (found.Status == OutcomeStatus.Forbidden) return Outcome<int>.Forbidden();
        if (!found.IsOk) return Outcome<int>.Invalid(found.Errors);
        var session = found.Value!.Session;
        if (!CanChoose(session)) return Outcome<int>.Invalid("SmallGroupRule", Fixed);
        var v = new Validation();
        // Both fields are on every form that comes here: an empty one is a mistake, not "keep".
        if (string.IsNullOrWhiteSpace(rule)) v.Add("SmallGroupRule", "Kies hoe kleine groepen meetellen: volledig, naar verhouding of apart.");
        if (string.IsNullOrWhiteSpace(minVoters)) v.Add("MinVoters", "Kies een aantal mensen van 1 tot en met {0}.", TallyRule.MaxMinVoters);
        var chosen = TallyRuleText.Parse(rule, minVoters, v, session.TallyRule);
        if (!v.IsValid) return v;
        session.SmallGroupRule = chosen.Rule;
        session.MinVoters = chosen.MinVoters;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.ToAll(sessionId).SessionChanged(seq);
        return Outcome<int>.Ok(sessionId);
    }

    /// <summary>Open until a vote step has been entered (votes are only cast in the current step, which has then started).</summary>
    public static bool CanChoose(LiveSession session) =>
        session.State != SessionState.Closed && !session.Steps.Any(s => s.Mode == StepMode.Vote && s.StartedAt is not null);
}

/// <summary>The words for the rule (forms, pages, API) and reading it from a form.</summary>
public static class TallyRuleText
{
    /// <summary>The names a form or the API sends, as the API writes them.</summary>
    public static string Slug(this SmallGroupRule rule) => rule.ToString().ToLowerInvariant();

    /// <summary>The choice as the facilitator reads it.</summary>
    public static string Label(this SmallGroupRule rule) => rule switch
    {
        SmallGroupRule.Proportional => "Telt naar verhouding",
        SmallGroupRule.Apart => "Apart getoond",
        _ => "Telt volledig mee",
    };

    /// <summary>What the choice does, in one sentence.</summary>
    public static string Explain(this SmallGroupRule rule) => rule switch
    {
        SmallGroupRule.Proportional => "Een kleine groep weegt minder: met 1 van de 3 mensen weegt die kennisbron een derde.",
        SmallGroupRule.Apart => "Een kleine groep telt niet mee in de gebalanceerde telling. Wat die groep koos, staat er wel apart bij.",
        _ => "Elke kennisbron die stemde weegt even zwaar, ook als er maar 1 persoon uit stemde.",
    };

    /// <summary>
    /// Reads rule and threshold. Empty means "keep" (<paramref name="current"/>); anything else must be a name from the
    /// list and a whole number from 1 to <see cref="TallyRule.MaxMinVoters"/>.
    /// </summary>
    public static TallyRule Parse(string? rule, string? minVoters, Validation v, TallyRule current)
    {
        var ruleText = (rule ?? "").Trim();
        var chosen = current.Rule;
        if (ruleText.Length > 0)
        {
            var match = Enum.GetValues<SmallGroupRule>().Where(r => r.Slug() == ruleText).ToList();
            if (match.Count == 1) chosen = match[0];
            else v.Add("SmallGroupRule", "Kies hoe kleine groepen meetellen: volledig, naar verhouding of apart.");
        }
        var minText = (minVoters ?? "").Trim();
        var min = current.MinVoters;
        if (minText.Length > 0)
        {
            if (minText.Length > 3 || !int.TryParse(minText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min)
                || min < 1 || min > TallyRule.MaxMinVoters)
            {
                v.Add("MinVoters", "Kies een aantal mensen van 1 tot en met {0}.", TallyRule.MaxMinVoters);
                min = current.MinVoters;
            }
        }
        return new TallyRule(chosen, min);
    }

    /// <summary>"Regel voor kleine groepen (minder dan 3 mensen): telt naar verhouding."</summary>
    public static string Sentence(IStringLocalizer l, TallyRule rule) =>
        l["Regel voor kleine groepen (minder dan {0}): {1}.", SessionWords.People(l, rule.MinVoters),
            l[rule.Rule.Label()].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture)].Value;

    /// <summary>"Maar 1 persoon stemde vanuit wetenschappelijke kennis." / "Maar 2 mensen stemden vanuit …".</summary>
    public static string VotedFlag(IStringLocalizer l, int voters, string perspective) => voters == 1
        ? l["Maar 1 persoon stemde vanuit {0}.", perspective].Value
        : l["Maar {0} mensen stemden vanuit {1}.", voters, perspective].Value;

    /// <summary>The same for idea support: "Maar 1 persoon steunt ideeën vanuit …".</summary>
    public static string SupportFlag(IStringLocalizer l, int voters, string perspective) => voters == 1
        ? l["Maar 1 persoon steunt ideeën vanuit {0}.", perspective].Value
        : l["Maar {0} mensen steunen ideeën vanuit {1}.", voters, perspective].Value;

    /// <summary>What the rule did to the flagged perspectives (<paramref name="small"/> of them), after the flags.</summary>
    public static string? Consequence(IStringLocalizer l, TallyRule rule, bool nothingSetApart, int small)
    {
        if (nothingSetApart)
            return l["Geen enkele kennisbron haalde {0}. Niets kon apart, dus alle kennisbronnen tellen volledig mee.", SessionWords.People(l, rule.MinVoters)].Value;
        if (small == 0) return null;
        return (rule.Rule, small == 1) switch
        {
            (SmallGroupRule.Proportional, true) => l["Daarom telt die kennisbron naar verhouding: minder zwaar in de gebalanceerde telling."].Value,
            (SmallGroupRule.Proportional, false) => l["Daarom tellen die kennisbronnen naar verhouding: minder zwaar in de gebalanceerde telling."].Value,
            (SmallGroupRule.Apart, true) => l["Daarom staat die kennisbron apart: hij telt niet mee in de gebalanceerde telling."].Value,
            (SmallGroupRule.Apart, false) => l["Daarom staan die kennisbronnen apart: ze tellen niet mee in de gebalanceerde telling."].Value,
            (_, true) => l["Die kennisbron telt toch volledig mee in de gebalanceerde telling."].Value,
            (_, false) => l["Die kennisbronnen tellen toch volledig mee in de gebalanceerde telling."].Value,
        };
    }
}

/// <summary>The rule's two fields as a form sends them; the use case reads and checks them.</summary>
public sealed class TallyRuleForm
{
    public string? SmallGroupRule { get; set; }
    public string? MinVoters { get; set; }

    public static TallyRuleForm From(TallyRule rule) => new()
    {
        SmallGroupRule = rule.Rule.Slug(),
        MinVoters = rule.MinVoters.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What _TallyRuleFields shows: the form prefix and the values (typed or stored).</summary>
public sealed record TallyRuleFields(string Prefix, string? Rule, string? MinVoters)
{
    public static TallyRuleFields From(string prefix, TallyRule rule)
    {
        var form = TallyRuleForm.From(rule);
        return new TallyRuleFields(prefix, form.SmallGroupRule, form.MinVoters);
    }
}
