using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Prototypes;

/// <summary>The prototype as a thread kind (ADR 0017), described and registered from its own folder.</summary>
public static class PrototypeKind
{
    public static readonly BalanceRow Row = new("Prototypes", "Prototypes", 80);

    public static readonly ThreadKind Descriptor = new(ItemKind.Prototype, typeof(Prototype), "Prototype", "Prototypes", "prototype", "Prototype",
        BalanceRule.In(Row), LinkRule.Any)
    {
        // Made and shown on its own pages (/projecten/{id}/prototypes/nieuw, /prototypes/{id}); /draad/{id} redirects here.
        PagePath = "/prototypes",
        Phase = Phase.Prototype,
    };

    // Registered when the assembly loads, not when the app starts: tests, Razor views and the EF tools ask the
    // registry without a host, and a kind that is only known after start-up would be missed by them.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => ThreadKinds.Register(Descriptor);
#pragma warning restore CA2255
}
