"""Peers of `rgflow bench rbm`: the same RBM training workload in scikit-learn, torch and numpy.

Shipped inside rgflow.jar and run by org.rgflow.bench.RbmPeers, one process per implementation and
thread count; the thread environment (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS) is set
by the caller before the interpreter starts, so the BLAS library reads it when it loads.

  sklearn  sklearn.neural_network.BernoulliRBM.fit, float64. Note: BernoulliRBM trains with PCD-1
           (persistent chains, "SML"), not CD-1; the GEMM work per minibatch is the same.
  torch    a plain CD-1 loop, float32, torch.set_num_threads(--threads).
  numpy    the same CD-1 loop in numpy, float32.

Workload per minibatch of B rows (V visible, H hidden units): 3 propagation GEMMs
(v0 W, h0 W^T, v1 W) and 2 gradient GEMMs (v0^T p(h|v0), v1^T p(h|v1)), about 10 V H FLOPs per
sample; sampled hidden and visible half steps; weight and both bias updates; plain SGD.

Each `--run DATA.npy:H` trains on the uint8 {0,1} array DATA [n, V] (the rows rgflow trains on) for
--epochs epochs in stored order, once as a warm-up and --reps more times; only the training loop
is timed (wall: time.perf_counter, CPU: time.process_time). Output: one JSON object per line
prefixed by "RGFLOW-PEER "; anything else on stdout/stderr is a log line.
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

PREFIX = "RGFLOW-PEER "


def emit(kind, **fields):
    fields["kind"] = kind
    print(PREFIX + json.dumps(fields), flush=True)


def sklearn_fit(X, H, epochs, batch, lr, seed):
    from sklearn.neural_network import BernoulliRBM
    import numpy as np
    Xd = np.ascontiguousarray(X, dtype=np.float64)
    rbm = BernoulliRBM(n_components=H, learning_rate=lr, batch_size=batch, n_iter=epochs,
                       verbose=0, random_state=seed)
    c0, t0 = time.process_time(), time.perf_counter()
    rbm.fit(Xd)  # includes sklearn's input check and weight init (well under 1 % of a fit)
    return time.perf_counter() - t0, time.process_time() - c0


def torch_cd1(X, H, epochs, batch, lr, seed):
    import torch
    torch.manual_seed(seed)
    with torch.no_grad():
        data = torch.from_numpy(X).to(torch.float32)
        n, V = data.shape
        W = 0.01 * torch.randn(V, H)
        b = torch.zeros(V)
        c = torch.zeros(H)
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(epochs):
            for s in range(0, n, batch):
                v0 = data[s:s + batch]
                ph0 = torch.sigmoid(torch.addmm(c, v0, W))
                h0 = torch.bernoulli(ph0)
                v1 = torch.bernoulli(torch.sigmoid(torch.addmm(b, h0, W.t())))
                ph1 = torch.sigmoid(torch.addmm(c, v1, W))
                k = lr / v0.shape[0]
                W.addmm_(v0.t(), ph0, alpha=k).addmm_(v1.t(), ph1, alpha=-k)
                b.add_(v0.sum(0) - v1.sum(0), alpha=k)
                c.add_(ph0.sum(0) - ph1.sum(0), alpha=k)
        return time.perf_counter() - t0, time.process_time() - c0


def numpy_cd1(X, H, epochs, batch, lr, seed):
    import numpy as np
    f32 = np.float32
    rng = np.random.default_rng(seed)
    data = X.astype(f32)
    n, V = data.shape
    W = (0.01 * rng.standard_normal((V, H))).astype(f32)
    b = np.zeros(V, f32)
    c = np.zeros(H, f32)

    def sigmoid(x):
        return f32(1) / (f32(1) + np.exp(-x))

    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(epochs):
        for s in range(0, n, batch):
            v0 = data[s:s + batch]
            ph0 = sigmoid(v0 @ W + c)
            h0 = (rng.random(ph0.shape, dtype=f32) < ph0).astype(f32)
            v1 = (rng.random((v0.shape[0], V), dtype=f32) < sigmoid(h0 @ W.T + b)).astype(f32)
            ph1 = sigmoid(v1 @ W + c)
            k = f32(lr / v0.shape[0])
            W += k * (v0.T @ ph0 - v1.T @ ph1)
            b += k * (v0.sum(0) - v1.sum(0))
            c += k * (ph0.sum(0) - ph1.sum(0))
    return time.perf_counter() - t0, time.process_time() - c0


IMPLS = {"sklearn": ("sklearn", sklearn_fit), "torch": ("torch", torch_cd1), "numpy": ("numpy", numpy_cd1)}


def mapped_libraries():
    """Paths of the BLAS-like shared libraries mapped into this process."""
    keys = ("openblas", "libblas", "mkl_rt", "libmkl", "blis", "dnnl", "libgomp", "libiomp")
    seen = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                name = os.path.basename(path)
                if path.startswith("/") and any(k in name for k in keys) and path not in seen:
                    seen.append(path)
    except OSError:
        pass
    return seen


def _call_string(lib, names):
    for name in names:
        f = getattr(lib, name, None)
        if f is not None:
            f.restype = ctypes.c_char_p
            f.argtypes = []
            value = f()
            return value.decode("ascii", "replace").strip() if value else None
    return None


def _call_int(lib, names):
    for name in names:
        f = getattr(lib, name, None)
        if f is not None:
            f.restype = ctypes.c_int
            f.argtypes = []
            return int(f())
    return None


def _variants(stem):
    # plain OpenBLAS, 64-bit-integer builds (suffix 64_ / _64) and scipy-openblas in numpy/scipy wheels
    # (prefix scipy_, e.g. scipy_openblas_get_corename64_)
    return [p + stem + s for p in ("", "scipy_") for s in ("", "64_", "_64")]


def openblas_probe(path):
    """corename, config and thread count of the OpenBLAS at path via ctypes; None if it is not OpenBLAS."""
    try:
        lib = ctypes.CDLL(path)
    except OSError:
        return None
    core = _call_string(lib, _variants("openblas_get_corename"))
    if core is None:
        return None
    return {"library": "OpenBLAS", "core": core, "config": _call_string(lib, _variants("openblas_get_config")),
            "threads": _call_int(lib, _variants("openblas_get_num_threads")), "path": path}


def mkl_probe(path):
    try:
        lib = ctypes.CDLL(path)
        buf = ctypes.create_string_buffer(256)
        lib.MKL_Get_Version_String(buf, len(buf))
        threads = lib.MKL_Get_Max_Threads()
        return {"library": "MKL", "core": None, "config": buf.value.decode("ascii", "replace").strip(),
                "threads": int(threads), "path": path}
    except (OSError, AttributeError):
        return None


def blas_info():
    """The BLAS libraries of this process: threadpoolctl if importable, else /proc/self/maps and ctypes."""
    libs = []
    try:
        import threadpoolctl
        for d in threadpoolctl.threadpool_info():
            if d.get("user_api") == "blas":
                libs.append({"library": d.get("internal_api"), "core": d.get("architecture"),
                             "config": "%s %s" % (d.get("version"), d.get("threading_layer", "")),
                             "threads": d.get("num_threads"), "path": d.get("filepath"),
                             "via": "threadpoolctl " + threadpoolctl.__version__})
    except Exception:  # threadpoolctl missing or failing: fall back to the maps
        libs = []
    if not libs:
        for path in mapped_libraries():
            name = os.path.basename(path)
            probe = mkl_probe(path) if "mkl" in name else openblas_probe(path)
            if probe is not None:
                probe["via"] = "/proc/self/maps + ctypes"
                libs.append(probe)
    return libs


def load(path):
    import numpy as np
    X = np.load(path)
    if X.dtype != np.uint8 or X.ndim != 2:
        raise SystemExit("%s: expected a 2-D uint8 array, got %s %s" % (path, X.dtype, X.shape))
    return X


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--impl", choices=sorted(IMPLS))
    ap.add_argument("--run", action="append", default=[], metavar="DATA.npy:H")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    if a.impl is None:
        ap.error("--impl is required")
    module, fit = IMPLS[a.impl]
    try:
        mod = __import__(module)
        import numpy
    except ImportError as e:
        emit("missing", impl=a.impl, python=sys.executable, error=str(e))
        return
    if a.impl == "torch":
        mod.set_num_threads(a.threads)
    env = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                          "OMP_WAIT_POLICY")}
    emit("start", impl=a.impl, python=sys.executable, python_version=platform.python_version(),
         version="%s %s" % (module, mod.__version__), numpy=numpy.__version__, threads=a.threads, env=env,
         torch_threads=mod.get_num_threads() if a.impl == "torch" else None)
    for run in a.run:
        path, hidden = run.rsplit(":", 1)
        X = load(path)
        emit("data", path=path, rows=int(X.shape[0]), columns=int(X.shape[1]), ones=int(X.sum(dtype="int64")))
        seconds, cpu = [], []
        for rep in range(a.reps + 1):  # rep 0 is the warm-up
            wall, used = fit(X, int(hidden), a.epochs, a.batch, a.lr, rep)
            if rep > 0:
                seconds.append(wall)
                cpu.append(used)
        emit("result", impl=a.impl, visible=int(X.shape[1]), hidden=int(hidden), rows=int(X.shape[0]),
             epochs=a.epochs, batch=a.batch, threads=a.threads, seconds=seconds, cpu_seconds=cpu)
    emit("blas", impl=a.impl, libraries=blas_info(), mapped=mapped_libraries())


if __name__ == "__main__":
    main()
