using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Domain.Policy;

/// <summary>A channel as a salesperson reads it, in English or Simplified Chinese.</summary>
public static class ServiceChannelNames
{
    public static string Of(ServiceChannel channel, ReasonLanguage language) => (channel, language == ReasonLanguage.SimplifiedChinese) switch
    {
        (ServiceChannel.Visit, false) => "Visit",
        (ServiceChannel.Visit, true) => "上门拜访",
        (ServiceChannel.Phone, false) => "Phone",
        (ServiceChannel.Phone, true) => "电话",
        (ServiceChannel.Email, false) => "E-mail",
        (ServiceChannel.Email, true) => "电子邮件",
        (ServiceChannel.Message, false) => "Message",
        (ServiceChannel.Message, true) => "即时消息",
        (ServiceChannel.MassMailing, false) => "Mass mailing",
        (ServiceChannel.MassMailing, true) => "群发邮件",
        (ServiceChannel.SelfService, false) => "Self-service",
        (ServiceChannel.SelfService, true) => "自助服务",
        _ => channel.ToString(),
    };
}
