using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Learning;

/// <summary>The learning question and the system barrier as thread kinds (ADR 0017), registered from this folder.</summary>
public static class LearningKinds
{
    public static readonly ThreadKind Question = new(ItemKind.LearningQuestion, typeof(LearningQuestion), "Leervraag", "Leervragen", "leervraag", "LearningQuestion",
        BalanceRule.NotCounted("Een leervraag zegt wat het team wil leren; de kennis zit in wat haar beantwoordt."), LinkRule.Any)
    {
        // Made and shown on the learning agenda's own pages (/leeragenda/{id}); /draad/{id} redirects there.
        PagePath = "/leeragenda",
        // Lerend evalueren starts ex ante: the agenda is set up when the team starts to look (Inleven), and grows along.
        Phase = Phase.Empathize,
    };

    public static readonly ThreadKind Barrier = new(ItemKind.SystemBarrier, typeof(SystemBarrier), "Systeembarrière", "Systeembarrières", "systeembarriere", "SystemBarrier",
        BalanceRule.NotCounted("Een systeembarrière is een regel of gewoonte die in de weg zit; ze is zelf geen nieuwe kennis."), LinkRule.Any)
    {
        PagePath = "/leeragenda",
        // Barriers show when something is tried in practice (Testen); the dashboard shows them there.
        Phase = Phase.Test,
    };

    // Registered when the assembly loads (see PrototypeKind): tests and tools ask the registry without a host.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register()
    {
        ThreadKinds.Register(Question);
        ThreadKinds.Register(Barrier);
    }
#pragma warning restore CA2255
}
