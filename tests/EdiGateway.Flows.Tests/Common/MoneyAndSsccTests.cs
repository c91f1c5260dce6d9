using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Tests.Common;

public class MoneyAndSsccTests
{
    [Theory]
    [InlineData(70.00, 21)]
    [InlineData(100.00, 70)]
    [InlineData(533.33, 1600)]
    [InlineData(19.99, 7)]
    [InlineData(1234.56, 999)]
    public void UnitPriceTying_FoundPrice_ExtendsToTheTotal(double total, int quantity)
    {
        var t = (decimal)total;
        var price = Money.UnitPriceTying(t, quantity, 5);
        Assert.NotNull(price);
        Assert.Equal(Money.Penny(t), Money.Penny(price.Value * quantity));
    }

    [Fact]
    public void UnitPriceTying_QuantityTooLargeForFiveDecimals_Null()
    {
        Assert.Null(Money.UnitPriceTying(10000.00m, 3000m, 5)); // 3.33333 -> 9999.99, 3.33334 -> 10000.02
    }

    [Fact]
    public void ToN2_Amount_TwoImpliedDecimals()
    {
        Assert.Equal("36596", Money.ToN2(365.96m));
        Assert.Equal("600", Money.ToN2(6m));
        Assert.Equal("-2350", Money.ToN2(-23.5m));
    }

    [Fact]
    public void Create_ReferenceExample_CheckDigit5()
    {
        Assert.Equal("050123450000000015", Sscc.Create(0, "5012345", 1, out var reason));
        Assert.Null(reason);
        Assert.Null(Sscc.Check("00050123450000000015"));
        Assert.Equal("00050123450000000015", Sscc.ToMarks("050123450000000015"));
    }

    [Theory]
    [InlineData("050123450000000016")]
    [InlineData("05012345000000001")]
    [InlineData("05012345000000001X")]
    public void Check_BadSscc_Reason(string value)
    {
        Assert.NotNull(Sscc.Check(value));
    }

    [Fact]
    public void Create_SerialTooLong_Reason()
    {
        Assert.Null(Sscc.Create(0, "0501234567", 12345678, out var reason));
        Assert.Contains("does not fit", reason, StringComparison.Ordinal);
    }
}
