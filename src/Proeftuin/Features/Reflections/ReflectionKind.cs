using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Reflections;

/// <summary>The reflection as a thread kind (ADR 0017), registered from this folder.</summary>
public static class ReflectionKind
{
    public static readonly ThreadKind Descriptor = new(ItemKind.Reflection, typeof(Reflection), "Reflectie", "Reflecties", "reflectie", "Reflection",
        BalanceRule.NotCounted("Een reflectie is een gesprek over wat het team leerde; de kennis telt in de lessen die eruit komen."), LinkRule.Any)
    {
        // Planned, answered and closed on its own pages (/reflecties/{id}); /draad/{id} redirects there.
        PagePath = "/reflecties",
        // Teams reflect most once they try things out; the dashboard shows reflections with Testen.
        Phase = Phase.Test,
    };

    // Registered when the assembly loads (see PrototypeKind): tests and tools ask the registry without a host.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => ThreadKinds.Register(Descriptor);
#pragma warning restore CA2255
}
