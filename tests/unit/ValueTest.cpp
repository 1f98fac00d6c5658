// Scalar formatting (Python's float repr and %.17g) and identity.
#include "runtime/Value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace findc {
namespace {

std::string py(double x) { return formatPython(Scalar::ofReal(x)); }

TEST(ValueTest, FormatPythonMatchesFloatRepr) {
  EXPECT_EQ(py(1.0), "1.0");
  EXPECT_EQ(py(0.1), "0.1");
  EXPECT_EQ(py(1e-05), "1e-05");
  EXPECT_EQ(py(0.0001), "0.0001");
  EXPECT_EQ(py(1e16), "1e+16");
  EXPECT_EQ(py(1234567890123456.0), "1234567890123456.0");
  EXPECT_EQ(py(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(py(12345678901234567.0), "1.2345678901234568e+16");
  EXPECT_EQ(py(0.0), "0.0");
  EXPECT_EQ(py(-0.0), "-0.0");
  EXPECT_EQ(py(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(py(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(py(std::nan("")), "nan");
  EXPECT_EQ(py(-std::nan("")), "nan");
  EXPECT_EQ(py(5e-324), "5e-324");
  EXPECT_EQ(py(1.7976931348623157e+308), "1.7976931348623157e+308");
  EXPECT_EQ(py(2.2250738585072014e-308), "2.2250738585072014e-308");
  EXPECT_EQ(py(-2.5), "-2.5");
  EXPECT_EQ(py(100.0), "100.0");
  EXPECT_EQ(py(123.456), "123.456");
  EXPECT_EQ(py(0.3), "0.3");
  EXPECT_EQ(py(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(py(1.5e-10), "1.5e-10");
  EXPECT_EQ(py(-1e+22), "-1e+22");
  EXPECT_EQ(py(3.141592653589793), "3.141592653589793");
  // As FIND pasted its parameters.
  EXPECT_EQ(py(26.8), "26.8");
  EXPECT_EQ(py(-8.2), "-8.2");
  EXPECT_EQ(py(0.00012345), "0.00012345");
  EXPECT_EQ(py(1e15), "1000000000000000.0");
  EXPECT_EQ(py(-2.914335439641036e-18), "-2.914335439641036e-18");
  EXPECT_EQ(py(62.09413480289089), "62.09413480289089");
  EXPECT_EQ(py(1345.3353535353535), "1345.3353535353535");
}

TEST(ValueTest, FormatPythonIntsAndBools) {
  EXPECT_EQ(formatPython(Scalar::ofInt(0)), "0");
  EXPECT_EQ(formatPython(Scalar::ofInt(-42)), "-42");
  EXPECT_EQ(formatPython(Scalar::ofInt(std::numeric_limits<int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(formatPython(Scalar::ofBool(true)), "True");
  EXPECT_EQ(formatPython(Scalar::ofBool(false)), "False");
}

TEST(ValueTest, FormatG17) {
  EXPECT_EQ(formatG17(1.0), "1");
  EXPECT_EQ(formatG17(0.1), "0.10000000000000001");
  EXPECT_EQ(formatG17(-0.0), "-0");
  EXPECT_EQ(formatG17(1e-05), "1.0000000000000001e-05");
  EXPECT_EQ(formatG17(1e16), "10000000000000000");
  EXPECT_EQ(formatG17(1e17), "1e+17");
  EXPECT_EQ(formatG17(5e-324), "4.9406564584124654e-324");
  EXPECT_EQ(formatG17(std::nan("")), "nan");
  EXPECT_EQ(formatG17(-std::nan("")), "nan");
  EXPECT_EQ(formatG17(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(formatG17(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(ValueTest, IdenticalIsBitwiseWithOneNaN) {
  EXPECT_TRUE(Scalar::ofReal(std::nan("")).identical(Scalar::ofReal(-std::nan("1"))));
  EXPECT_FALSE(Scalar::ofReal(0.0).identical(Scalar::ofReal(-0.0)));
  EXPECT_TRUE(Scalar::ofReal(1.5).identical(Scalar::ofReal(1.5)));
  EXPECT_FALSE(Scalar::ofReal(1.0).identical(Scalar::ofInt(1)));
  EXPECT_TRUE(Scalar::ofInt(7).identical(Scalar::ofInt(7)));
  EXPECT_FALSE(Scalar::ofBool(true).identical(Scalar::ofBool(false)));
}

TEST(ValueTest, AsDouble) {
  EXPECT_EQ(Scalar::ofBool(true).asDouble(), 1.0);
  EXPECT_EQ(Scalar::ofInt(-3).asDouble(), -3.0);
  EXPECT_EQ(Scalar::ofReal(2.5).asDouble(), 2.5);
  EXPECT_EQ(typeName(Type::Real), "real");
  EXPECT_EQ(typeName(Type::Int), "int");
  EXPECT_EQ(typeName(Type::Bool), "bool");
}

} // namespace
} // namespace findc
