namespace Proeftuin;

/// <summary>Marker for the one shared resource file. Keys are the Dutch texts; Resources/SharedResource.en.resx has the English.</summary>
public sealed class SharedResource;
