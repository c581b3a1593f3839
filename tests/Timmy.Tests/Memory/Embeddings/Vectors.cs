namespace Timmy.Tests.Memory.Embeddings;

/// <summary>Vector arithmetic for assertions.</summary>
public static class Vectors
{
    public static double Cosine(float[] a, float[] b) => Dot(a, b) / (Math.Sqrt(Dot(a, a)) * Math.Sqrt(Dot(b, b)));

    public static double Norm(float[] a) => Math.Sqrt(Dot(a, a));

    public static void AssertNormalised(float[] vector, int dimensions)
    {
        Assert.Equal(dimensions, vector.Length);
        Assert.InRange(Norm(vector), 1 - 1e-4, 1 + 1e-4);
    }

    public static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst} exceeds {tolerance}");
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
