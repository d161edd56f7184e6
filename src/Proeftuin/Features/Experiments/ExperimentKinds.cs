using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Experiments;

/// <summary>The experiment, its observations and its decision as thread kinds (ADR 0017), registered from this folder.</summary>
public static class ExperimentKinds
{
    public static readonly BalanceRow ObservationsRow = new("Observations", "Observaties", 90);

    public static readonly ThreadKind Experiment = new(ItemKind.Experiment, typeof(Experiment), "Proef", "Proeven", "proef", "Experiment",
        BalanceRule.NotCounted("Een proef is het plan van het team; wat er in de proef gezien en gemeten is, telt als observatie."), LinkRule.Any)
    { PagePath = "/proeven", Phase = Phase.Test };

    public static readonly ThreadKind Observation = new(ItemKind.Observation, typeof(Observation), "Observatie", "Observaties", "observatie", "Observation",
        BalanceRule.In(ObservationsRow), LinkRule.Any)
    { Phase = Phase.Test };

    public static readonly ThreadKind Decision = new(ItemKind.Decision, typeof(Decision), "Besluit", "Besluiten", "besluit", "Decision",
        BalanceRule.NotCounted("Een besluit weegt de resultaten van een proef; het is zelf geen nieuwe kennis."), LinkRule.Any)
    { Phase = Phase.Test };

    // Registered when the assembly loads (see PrototypeKind): tests and tools ask the registry without a host.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register()
    {
        ThreadKinds.Register(Experiment);
        ThreadKinds.Register(Observation);
        ThreadKinds.Register(Decision);
    }
#pragma warning restore CA2255
}
