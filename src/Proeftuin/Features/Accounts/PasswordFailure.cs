namespace Proeftuin.Features.Accounts;

/// <summary>
/// One wrong password for an e-mail address, from one client. Kept for whatever address was typed, known or not,
/// so the answer after many failures cannot tell the two apart. Only hashes are stored; rows older than the
/// window are removed.
/// </summary>
public sealed class PasswordFailure
{
    public long Id { get; set; }
    public string AddressHash { get; set; } = "";
    public string ClientHash { get; set; } = "";
    public DateTime At { get; set; }
}
