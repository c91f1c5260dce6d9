using EdiGateway.Transports.As2;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>The loopback agreement: partner "PARTNER A" (cert A) sends to us "EDIGW-B" (cert B).</summary>
public static class Profiles
{
    public const string PartnerName = "PARTNER A";
    public const string OurName = "EDIGW-B";

    /// <summary>Our view of the partner (inbound profile on the receiving host).</summary>
    public static As2PartnerOptions Inbound() => new()
    {
        PartnerId = "partner-a",
        LocalAs2Id = OurName,
        PartnerAs2Id = PartnerName,
        LocalCertificate = TestPki.B,
        PartnerCertificates = [TestPki.A],
        AllowedAsyncMdnUrlPrefixes = ["http://127.0.0.1:"],
    };

    /// <summary>The partner's view of us (outbound profile used by the sending client).</summary>
    public static As2PartnerOptions Outbound(Uri url) => new()
    {
        PartnerId = "edigw",
        LocalAs2Id = PartnerName,
        PartnerAs2Id = OurName,
        LocalCertificate = TestPki.A,
        PartnerCertificates = [TestPki.B],
        PartnerUrl = url,
        AsyncMdnUrl = url,
        MdnTimeout = TimeSpan.FromSeconds(10),
        MaxAttempts = 2,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static readonly byte[] Payload = System.Text.Encoding.ASCII.GetBytes(
        "ISA*00*          *00*          *ZZ*PARTNERA       *ZZ*EDIGWB         *261202*0600*U*00401*000000001*0*P*>~\r\n" +
        "GS*PO*PARTNERA*EDIGWB*20261202*0600*1*X*004010~\r\nST*850*0001~\r\nBEG*00*SA*PO123**20261202~\r\nSE*3*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n");
}
