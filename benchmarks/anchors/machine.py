"""What the reference scripts print about the machine they ran on: CPU model, vector flags, cores, BLAS."""
import json
import os
import platform
import sys

VECTOR_FLAGS = ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_bf16", "avx512_fp16",
                "amx_tile")


def cpu():
    """The CPU's model name with its family and model numbers (a virtual machine may name it only "AMD EPYC"),
    its vector flags and the cores."""
    model, flags, family, number = platform.processor() or "unknown", set(), None, None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "model name":
                    model = value.strip()
                elif key == "cpu family":
                    family = value.strip()
                elif key == "model":
                    number = value.strip()
                elif key == "flags":
                    flags = set(value.split())
                if model != "unknown" and flags:
                    break
    except OSError:
        pass
    if family is not None and number is not None:
        model += f" (family {family}, model {number})"
    return {"cpu": model, "vector_flags": [f for f in VECTOR_FLAGS if f in flags], "cores": os.cpu_count()}


def blas():
    try:
        import numpy as np
        cfg = np.show_config(mode="dicts")
        lib = cfg.get("Build Dependencies", {}).get("blas", {})
        return {"numpy": np.__version__, "blas": lib.get("name"), "blas_version": lib.get("version")}
    except Exception:  # an old numpy without mode="dicts"
        import numpy as np
        return {"numpy": np.__version__}


def emit(**fields):
    print(json.dumps(fields), flush=True)


def peak_rss_mib():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


if __name__ == "__main__":
    emit(kind="machine", **cpu(), python=sys.version.split()[0])
