namespace Proeftuin.Features.Programmes;

/// <summary>A programme (programma): projects with partners and news.</summary>
public sealed class Programme
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Introduction { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<Partner> Partners { get; set; } = [];
    public List<Projects.Project> Projects { get; set; } = [];
}

public sealed class Partner
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public string Name { get; set; } = "";
    public string? Url { get; set; }
    /// <summary>The logo lives in the database so web nodes stay stateless.</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
}
