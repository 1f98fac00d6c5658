// The Python module `findc` (its compiled part, findc._findc), on the C++
// API (include/findc/findc.hpp). Numbers go in and out as NumPy float64
// arrays without copies where the input already is one; every evaluation
// runs with the GIL released. See python/findc/__init__.py and docs/python.md.
#include "findc/findc.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <optional>

namespace py = pybind11;

namespace {

using findc::Value;

// What an input or parameter of language type `type` is, from Python.
Value fromPython(const py::handle& object, std::string_view type) {
  if (PyFloat_Check(object.ptr())) // float and numpy.float64: first, without importing numpy
    return Value(PyFloat_AS_DOUBLE(object.ptr()));
  if (py::isinstance<py::bool_>(object) || py::isinstance(object, py::module_::import("numpy").attr("bool_")))
    return Value(object.cast<bool>());
  if (py::isinstance<py::str>(object))
    return Value(object.cast<std::string>());
  if (py::isinstance<py::dict>(object)) {
    Value::Map entries;
    for (auto [key, item] : object.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key) || !py::isinstance<py::str>(item))
        throw findc::InputError("a map[str, str] has str keys and values");
      entries.emplace_back(key.cast<std::string>(), item.cast<std::string>());
    }
    return Value(std::move(entries));
  }
  if (py::isinstance<py::list>(object) || py::isinstance<py::tuple>(object)) {
    py::sequence items = object.cast<py::sequence>();
    bool ints = type == "list[int]" || (type != "list[str]" && items.size() > 0 && !py::isinstance<py::str>(items[0]));
    if (ints) {
      std::vector<int64_t> values;
      for (py::handle item : items)
        values.push_back(py::int_(py::reinterpret_borrow<py::object>(item)).cast<int64_t>());
      return Value(std::move(values));
    }
    std::vector<std::string> values;
    for (py::handle item : items) {
      if (!py::isinstance<py::str>(item))
        throw findc::InputError("a list[str] holds str items");
      values.push_back(item.cast<std::string>());
    }
    return Value(std::move(values));
  }
  // int and NumPy's integers (not float subclasses), then anything float() takes.
  if (py::hasattr(object, "__index__") && !py::isinstance<py::float_>(object)) {
    py::int_ i = py::reinterpret_steal<py::int_>(PyNumber_Index(object.ptr()));
    if (!i)
      throw py::error_already_set();
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
    if (overflow)
      throw findc::InputError("an int input is outside the 64-bit range");
    return Value(static_cast<int64_t>(v));
  }
  return Value(py::float_(py::reinterpret_borrow<py::object>(object)).cast<double>());
}

py::object toPython(const Value& value) {
  return std::visit(
      [](const auto& v) -> py::object {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Value::Map>) {
          py::dict d;
          for (const auto& [key, item] : v)
            d[py::str(key)] = py::str(item);
          return d;
        } else {
          return py::cast(v);
        }
      },
      value.data);
}

findc::LoadOptions loadOptions(const std::string& engine, const std::string& math, int threads,
                               const std::string& lang = "auto", const std::string& input = "real",
                               const std::string& entry = "") {
  findc::LoadOptions options;
  if (threads < 0)
    throw findc::InputError("threads must be 0 (one per core) or more, got " + std::to_string(threads));
  options.threads = static_cast<unsigned>(threads);
  if (engine == "interp" || engine == "interpreter")
    options.engine = findc::Engine::Interpreter;
  else if (engine != "jit")
    throw findc::InputError("engine must be 'jit' or 'interp', got '" + engine + "'");
  std::optional<findc::MathMode> mathMode = findc::parseMathMode(math);
  if (!mathMode)
    throw findc::InputError("math must be " + findc::mathModeChoices("'") + ", got '" + math + "'");
  options.math = *mathMode;
  if (lang == "py")
    options.source.language = findc::Language::Python;
  else if (lang == "fnd")
    options.source.language = findc::Language::Fnd;
  else if (lang != "auto")
    throw findc::InputError("lang must be 'auto', 'py' or 'fnd', got '" + lang + "'");
  if (input == "str")
    options.source.input = findc::SourceOptions::Input::Str;
  else if (input != "real")
    throw findc::InputError("input must be 'real' or 'str', got '" + input + "'");
  options.source.entry = entry;
  return options;
}

using FloatArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

// Whether x is numbers: a NumPy array of a numeric dtype, a number, or a
// list/tuple of numbers.
bool isNumeric(const py::handle& x) {
  if (py::isinstance<py::array>(x))
    return py::cast<py::array>(x).dtype().kind() != 'O' && py::cast<py::array>(x).dtype().kind() != 'U';
  if (py::isinstance<py::str>(x) || py::isinstance<py::dict>(x))
    return false;
  if (py::isinstance<py::list>(x) || py::isinstance<py::tuple>(x)) {
    for (py::handle item : x)
      if (py::isinstance<py::str>(item) || py::isinstance<py::list>(item) || py::isinstance<py::dict>(item))
        return false;
    return true;
  }
  return py::hasattr(x, "__float__");
}

bool isScalar(const py::handle& x) {
  return !py::isinstance<py::array>(x) && !py::isinstance<py::list>(x) && !py::isinstance<py::tuple>(x);
}

// A NumPy object array of `shape` (C order) holding `items` (None where
// an item is null), written through its buffer: per item, an attribute
// lookup and an index object would cost more than the evaluation.
template <typename Item>
py::array objectArray(size_t n, const std::vector<ssize_t>& shape, Item item) {
  py::array out(py::dtype("O"), shape);
  auto** slots = static_cast<PyObject**>(out.mutable_data());
  for (size_t i = 0; i < n; ++i) {
    py::object value = item(i);
    if (!value)
      continue;
    PyObject* old = slots[i];
    slots[i] = value.release().ptr();
    Py_XDECREF(old);
  }
  return out;
}

// The error names as a NumPy object array of `shape`: None where none.
py::array errorArray(const std::vector<std::string>& names, const std::vector<ssize_t>& shape) {
  return objectArray(names.size(), shape,
                     [&](size_t i) { return names[i].empty() ? py::object() : py::object(py::str(names[i])); });
}

// A numeric outcome's value as a double (NaN if it failed).
double numberOf(const findc::Outcome& outcome) {
  if (!outcome.ok())
    return std::nan("");
  return std::visit(
      [](const auto& v) -> double {
        if constexpr (std::is_arithmetic_v<std::decay_t<decltype(v)>>)
          return static_cast<double>(v);
        else
          return std::nan("");
      },
      outcome.value->data);
}

// How one evaluation is run: plain, or through a session's counter.
struct Evaluator {
  const findc::Function& function;
  findc::Session* session = nullptr;
  findc::Effects effects;

  void evaluate(std::span<const double> x, std::span<double> y, std::span<uint8_t> errors) const {
    if (session)
      session->evaluate(x, y, errors);
    else
      function.evaluate(x, y, effects, errors);
  }
  std::vector<findc::Outcome> call(std::span<const Value> inputs, std::span<const Value> params) const {
    return session ? session->call(inputs, params) : function.call(inputs, params, effects);
  }
};

// f(x): numbers in, float64 out (same shape); values in, values out.
// `out`: a float64 array of x's size to write numbers into (no copy out).
py::object apply(const Evaluator& e, const py::object& x, const std::optional<py::sequence>& params, bool withErrors,
                 const py::object& outArray) {
  const findc::Function& f = e.function;
  auto paramTypes = f.params();
  if (paramTypes.empty())
    throw findc::InputError("'" + f.name() + "' takes no parameters: there is nothing to bind an input to");
  std::vector<Value> given;
  if (params) // the engine checks their number and types
    for (size_t k = 0; k < params->size(); ++k)
      given.push_back(fromPython((*params)[k], k + 1 < paramTypes.size() ? paramTypes[k + 1].second : ""));
  bool scalar = isScalar(x);
  if (f.takesNumbers() && isNumeric(x)) {
    FloatArray in = FloatArray::ensure(x);
    if (!in)
      throw py::error_already_set();
    std::vector<ssize_t> shape(in.shape(), in.shape() + in.ndim());
    size_t n = static_cast<size_t>(in.size());
    py::array_t<double> out;
    if (outArray.is_none()) {
      out = py::array_t<double>(shape);
    } else {
      py::array given = py::cast<py::array>(outArray);
      if (!py::isinstance<py::array_t<double>>(given) || !(given.flags() & py::array::c_style) || !given.writeable() ||
          static_cast<size_t>(given.size()) != n)
        throw findc::InputError("out must be a writeable C-contiguous float64 array of " + std::to_string(n) +
                                " elements");
      out = py::reinterpret_borrow<py::array_t<double>>(given);
    }
    std::span<const double> xs(in.data(), n);
    std::span<double> ys(out.mutable_data(), n);
    std::vector<std::string> names(withErrors ? n : 0);
    if (given.empty()) {
      std::vector<uint8_t> codes(withErrors ? n : 0);
      {
        py::gil_scoped_release unlocked;
        e.evaluate(xs, ys, codes);
      }
      for (size_t i = 0; i < codes.size(); ++i)
        names[i] = findc::errorName(codes[i]);
    } else {
      std::vector<Value> inputs(xs.begin(), xs.end());
      std::vector<findc::Outcome> outcomes;
      {
        py::gil_scoped_release unlocked;
        outcomes = e.call(inputs, given);
      }
      for (size_t i = 0; i < n; ++i) {
        ys[i] = numberOf(outcomes[i]);
        if (withErrors)
          names[i] = outcomes[i].error;
      }
    }
    if (scalar) {
      py::object y = py::float_(ys[0]);
      if (!withErrors)
        return y;
      return py::make_tuple(y, names[0].empty() ? py::object(py::none()) : py::object(py::str(names[0])));
    }
    if (withErrors)
      return py::make_tuple(out, errorArray(names, shape));
    return out;
  }
  // Values: a str (or any single value), a list, or a NumPy object array.
  std::vector<Value> inputs;
  if (scalar) {
    inputs.push_back(fromPython(x, paramTypes[0].second));
  } else if (py::isinstance<py::array>(x) && py::cast<py::array>(x).dtype().kind() == 'f') {
    FloatArray in = FloatArray::ensure(x); // floats to a function of other values (complex, str...)
    if (!in)
      throw py::error_already_set();
    inputs.assign(in.data(), in.data() + in.size());
  } else {
    for (py::handle item : x)
      inputs.push_back(fromPython(item, paramTypes[0].second));
  }
  std::vector<findc::Outcome> outcomes;
  {
    py::gil_scoped_release unlocked;
    outcomes = e.call(inputs, given);
  }
  py::list values, errors;
  for (const findc::Outcome& o : outcomes) {
    values.append(o.ok() ? toPython(*o.value) : py::none());
    errors.append(o.ok() ? py::object(py::none()) : py::object(py::str(o.error)));
  }
  if (scalar)
    return withErrors ? py::object(py::make_tuple(values[0], errors[0])) : py::object(values[0]);
  if (py::isinstance<py::array>(x)) {
    std::vector<ssize_t> shape = py::cast<py::array>(x).request().shape;
    py::array out = objectArray(outcomes.size(), shape, [&](size_t i) { return py::object(values[i]); });
    py::array errs = objectArray(outcomes.size(), shape, [&](size_t i) { return py::object(errors[i]); });
    return withErrors ? py::object(py::make_tuple(out, errs)) : py::object(out);
  }
  return withErrors ? py::object(py::make_tuple(values, errors)) : py::object(values);
}

} // namespace

PYBIND11_MODULE(_findc, m) {
  m.doc() = "findc: compile interpretability-benchmark functions once, evaluate them at native speed";
  m.attr("__version__") = std::string(findc::version());

  static py::exception<findc::CompileError> compileError(m, "CompileError");
  static py::exception<findc::InputError> inputError(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p)
        std::rethrow_exception(p);
    } catch (const findc::CompileError& e) {
      PyErr_SetString(compileError.ptr(), e.what());
    } catch (const findc::InputError& e) {
      PyErr_SetString(inputError.ptr(), e.what());
    }
  });

  py::class_<findc::Session>(m, "Session", "A function as an agent queries it: a seed and a query counter.")
      .def(
          "__call__",
          [](findc::Session& s, const py::object& x, std::optional<py::sequence> params, bool errors,
             const py::object& out) { return apply(Evaluator{s.function(), &s, {}}, x, params, errors, out); },
          py::arg("x"), py::kw_only(), py::arg("params") = py::none(), py::arg("errors") = false,
          py::arg("out") = py::none())
      .def_property_readonly("seed", &findc::Session::seed)
      .def_property_readonly("next_query", &findc::Session::nextQuery)
      .def_property_readonly("function", [](const findc::Session& s) { return s.function(); });

  py::class_<findc::Function>(m, "Function", "A function of a suite.")
      .def(
          "__call__",
          [](const findc::Function& f, const py::object& x, std::optional<py::sequence> params, bool clean,
             uint64_t seed, uint64_t firstQuery, bool errors, const py::object& out) {
            findc::Effects effects{.apply = !clean, .seed = seed, .firstQuery = firstQuery};
            return apply(Evaluator{f, nullptr, effects}, x, params, errors, out);
          },
          py::arg("x"), py::kw_only(), py::arg("params") = py::none(), py::arg("clean") = false,
          py::arg("seed") = 0, py::arg("first_query") = 0, py::arg("errors") = false, py::arg("out") = py::none())
      .def("session", &findc::Function::session, py::arg("seed"), py::arg("first_query") = 0)
      .def_property_readonly("name", &findc::Function::name)
      .def_property_readonly("signature", &findc::Function::signature)
      .def_property_readonly("description", &findc::Function::description)
      .def_property_readonly("metadata_json", &findc::Function::metadataJson)
      .def_property_readonly("metadata",
                             [](const findc::Function& f) {
                               return py::module_::import("json").attr("loads")(f.metadataJson());
                             })
      .def_property_readonly("is_bench", &findc::Function::isBench)
      .def_property_readonly("takes_numbers", &findc::Function::takesNumbers)
      .def("__repr__", [](const findc::Function& f) { return "<findc.Function " + f.signature() + ">"; });

  py::class_<findc::Suite>(m, "Suite", "A compiled source: its functions, ready to evaluate.")
      .def("names", &findc::Suite::names)
      .def("functions", &findc::Suite::functions)
      .def("compile_all", &findc::Suite::compileAll, py::call_guard<py::gil_scoped_release>())
      .def("__getitem__", &findc::Suite::operator[])
      .def("__contains__", &findc::Suite::contains)
      .def("__len__", [](const findc::Suite& s) { return s.names().size(); })
      .def("__iter__", [](const findc::Suite& s) { return py::iter(py::cast(s.names())); });

  m.def(
      "load",
      [](const std::string& path, const std::string& engine, const std::string& math, int threads,
         const std::string& lang, const std::string& input, const std::string& entry) {
        findc::LoadOptions options = loadOptions(engine, math, threads, lang, input, entry);
        py::gil_scoped_release unlocked;
        return findc::Suite::load(path, options);
      },
      py::arg("path"), py::kw_only(), py::arg("engine") = "jit", py::arg("math") = "exact", py::arg("threads") = 0,
      py::arg("lang") = "auto", py::arg("input") = "real", py::arg("entry") = "",
      "Compiles the file at `path`: a .fnd suite, or a Python hypothesis if it ends in .py (or lang='py'); "
      "a hypothesis's function takes a float (input='real') or a str (input='str') and is `entry` or, by "
      "default, the one FIND's scorer calls (the name after the last 'def '). An evaluation of many points "
      "uses up to `threads` threads (0: one per core) where the work pays for them; the same values.");
  m.def(
      "compile",
      [](const std::string& source, const std::string& name, const std::string& engine, const std::string& math,
         int threads, const std::string& lang, const std::string& input, const std::string& entry) {
        findc::LoadOptions options = loadOptions(engine, math, threads, lang, input, entry);
        py::gil_scoped_release unlocked;
        return findc::Suite::compile(source, name, options);
      },
      py::arg("source"), py::kw_only(), py::arg("name") = "<string>", py::arg("engine") = "jit",
      py::arg("math") = "exact", py::arg("threads") = 0, py::arg("lang") = "auto", py::arg("input") = "real",
      py::arg("entry") = "",
      "Compiles source text: .fnd, or a Python hypothesis if `name` ends in .py or lang='py' (see load).");
  m.def(
      "stdlib",
      [](const std::string& engine, const std::string& math, int threads) {
        findc::LoadOptions options = loadOptions(engine, math, threads);
        py::gil_scoped_release unlocked;
        return findc::Suite::stdlib(options);
      },
      py::kw_only(), py::arg("engine") = "jit", py::arg("math") = "exact", py::arg("threads") = 0,
      "Every standard library function (strings.*, numeric.*).");
}
