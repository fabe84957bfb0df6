namespace CustomerTiering.Domain.Policy;

/// <summary>How a tier's customers are looked after, most personal first.</summary>
public enum ServiceChannel
{
    Visit,
    Phone,
    Email,
    Message,
    MassMailing,
    SelfService,
}
