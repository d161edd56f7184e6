using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

public enum OutcomeStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>A field-level message. Message is the Dutch text, which is also the localizer key.</summary>
public sealed record FieldError(string Field, string Message, params object[] Args)
{
    /// <summary>The message in the request's language; text arguments (field labels) are localized too.</summary>
    public string Localize(IStringLocalizer l) =>
        l[Message, Args.Select(a => a is string text ? l[text].Value : a).ToArray()];
}

/// <summary>What a use case returns: expected outcomes are values, not exceptions.</summary>
public sealed class Outcome<T>
{
    public OutcomeStatus Status { get; private init; }
    public T? Value { get; private init; }
    public IReadOnlyList<FieldError> Errors { get; private init; } = [];
    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new() { Status = OutcomeStatus.Ok, Value = value };
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new() { Status = OutcomeStatus.Invalid, Errors = errors };
    public static Outcome<T> Invalid(string field, string message, params object[] args) => Invalid([new FieldError(field, message, args)]);
    public static Outcome<T> NotFound() => new() { Status = OutcomeStatus.NotFound };
    public static Outcome<T> Forbidden() => new() { Status = OutcomeStatus.Forbidden };

    public static implicit operator Outcome<T>(Validation validation) => Invalid(validation.Errors);
}

/// <summary>Collects field errors for a use case; shared rules live here so every form checks the same way.</summary>
public sealed class Validation
{
    private readonly List<FieldError> errors = [];
    public IReadOnlyList<FieldError> Errors => errors;
    public bool IsValid => errors.Count == 0;

    public Validation Add(string field, string message, params object[] args)
    {
        errors.Add(new FieldError(field, message, args));
        return this;
    }

    /// <summary>Trims, then checks presence and length. Returns the trimmed value.</summary>
    public string Text(string field, string? value, int max, bool required = true, string? label = null)
    {
        var trimmed = (value ?? "").Trim();
        if (required && trimmed.Length == 0)
            Add(field, "Vul {0} in.", label ?? field);
        else if (trimmed.Length > max)
            Add(field, "{0} is te lang: maximaal {1} tekens.", label ?? field, max);
        else if (HasControlCharacters(trimmed))
            Add(field, "{0} bevat tekens die niet kunnen. Typ de tekst opnieuw.", label ?? field);
        return trimmed;
    }

    /// <summary>Invisible control characters (PostgreSQL refuses NUL outright); tabs and line breaks are fine.</summary>
    public static bool HasControlCharacters(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    public string? OptionalUrl(string field, string? value, int max)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > max || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            Add(field, "Vul een geldig webadres in dat begint met https://.");
            return null;
        }
        return uri.ToString();
    }

    /// <summary>
    /// The value whose C# name this is, exactly (case and all): forms and filters send names, so a number, another
    /// spelling or a flag list ("Care, Housing") is not a choice from the list. Null for anything else.
    /// </summary>
    public static TEnum? ExactName<TEnum>(string? text) where TEnum : struct, System.Enum =>
        text is not null && System.Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? System.Enum.Parse<TEnum>(text) : null;

    public TEnum Enum<TEnum>(string field, TEnum value, string message) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value)) Add(field, message);
        return value;
    }
}
