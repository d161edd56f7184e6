using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>The new and edit form (bound as Input.*). Choices arrive as text and are read here, so a wrong value gets a plain Dutch message.</summary>
public sealed class OfferForm
{
    public string? Direction { get; set; }
    public string? Category { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Place { get; set; }

    public OfferInput ToInput() => new(Validation.ExactName<OfferDirection>(Direction), Validation.ExactName<OfferCategory>(Category), Title, Text, Place);

    public static OfferForm From(Offer o) => new()
    {
        Direction = o.Direction.ToString(),
        Category = o.Category.ToString(),
        Title = o.Title,
        Text = o.Text,
        Place = o.Place,
    };

    public static IEnumerable<SelectListItem> Directions() =>
        Enum.GetValues<OfferDirection>().Select(d => new SelectListItem(d.Choice(), d.ToString()));

    public static IEnumerable<SelectListItem> Categories() =>
        Enum.GetValues<OfferCategory>().Select(c => new SelectListItem(c.Label(), c.ToString()));

    /// <summary>A whole number above 0 typed or chosen in a field; -1 (refused by the use case) for anything else that is not empty.</summary>
    public static int? Id(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
}

/// <summary>The "Reageer" form (bound as MessageInput.*). With: the other person of the conversation, for the owner's replies.</summary>
public sealed class MessageForm
{
    public string? Text { get; set; }
    public string? With { get; set; }
}

/// <summary>The "Past bij…" form (bound as MatchInput.*): the id of a vraag or aanbod of the same programme.</summary>
public sealed class MatchForm
{
    public string? Other { get; set; }
}

/// <summary>What the new and edit pages share with the fields partial.</summary>
public interface IOfferFormPage
{
    OfferForm Input { get; }
}
