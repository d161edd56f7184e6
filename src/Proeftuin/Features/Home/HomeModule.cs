using Proeftuin.Web;

namespace Proeftuin.Features.Home;

/// <summary>The start page, the glossary, the language switch and the error page: pages only.</summary>
public sealed class HomeModule : FeatureModule
{
    public override string? Texts => TextsBeside();
}
