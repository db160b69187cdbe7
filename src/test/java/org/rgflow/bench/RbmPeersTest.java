package org.rgflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbmPeersTest {

    private static final RbmPeers.Peer NUMPY = new RbmPeers.Peer("numpy", "python3", "--numpy-python", "python3 -m pip install numpy");
    private static final RbmPeers.Peer TORCH = new RbmPeers.Peer("torch", "python3", "--debian-python", "apt-get install -y python3-torch");

    @TempDir
    Path dir;

    @Test
    void parsesResultsDataCountsVersionsAndBlas() {
        List<String> lines = List.of(
                "some warning on stderr",
                "RGFLOW-PEER {\"impl\": \"torch\", \"python\": \"/usr/bin/python3\", \"python_version\": \"3.11.2\", "
                        + "\"version\": \"torch 1.13.0a0\", \"numpy\": \"1.24.2\", \"threads\": 2, \"env\": {}, "
                        + "\"torch_threads\": 2, \"kind\": \"start\"}",
                "RGFLOW-PEER {\"path\": \"/tmp/x/L16.npy\", \"rows\": 10000, \"columns\": 256, \"ones\": 1234567, "
                        + "\"kind\": \"data\"}",
                "RGFLOW-PEER {\"impl\": \"torch\", \"visible\": 256, \"hidden\": 64, \"rows\": 10000, \"epochs\": 3, "
                        + "\"batch\": 100, \"threads\": 2, \"seconds\": [0.3, 0.2, 0.25], \"cpu_seconds\": [0.6, 0.4, 0.5], "
                        + "\"kind\": \"result\"}",
                "RGFLOW-PEER {not json",
                "RGFLOW-PEER {\"impl\": \"torch\", \"libraries\": [{\"library\": \"openblas\", \"core\": \"SkylakeX\", "
                        + "\"config\": \"0.3.21 pthreads\", \"threads\": 2, \"path\": \"/usr/lib/libopenblasp-r0.3.21.so\", "
                        + "\"via\": \"threadpoolctl 3.1.0\"}], \"mapped\": [], \"kind\": \"blas\"}");
        RbmPeers.Outcome o = RbmPeerOutput.parse(TORCH, lines, 0);
        assertNull(o.failure());
        assertEquals(1, o.figures().size());
        RbmFigure f = o.figures().get(0);
        assertEquals("torch", f.impl());
        assertEquals(256, f.visible());
        assertEquals(64, f.hidden());
        assertEquals("2", f.threads());
        assertEquals(120_000, f.median(), 1e-6); // 10000 rows x 3 epochs / 0.25 s
        assertEquals(2.0, f.busyCores(), 1e-9);
        assertEquals(1234567L, o.ones().get("/tmp/x/L16.npy"));
        assertEquals("torch 1.13.0a0 on /usr/bin/python3 (Python 3.11.2, numpy 1.24.2), torch.get_num_threads() 2; "
                + "BLAS openblas 0.3.21 pthreads, core SkylakeX, threads 2 (libopenblasp-r0.3.21.so, via threadpoolctl "
                + "3.1.0)", o.description());
    }

    @Test
    void missingModuleIsOneLineWithTheInstallCommand() {
        RbmPeers.Outcome o = RbmPeerOutput.parse(TORCH, List.of("RGFLOW-PEER {\"impl\": \"torch\", \"python\": "
                + "\"/usr/bin/python3\", \"error\": \"No module named 'torch'\", \"kind\": \"missing\"}"), 0);
        assertTrue(o.missing());
        assertTrue(o.figures().isEmpty());
        assertEquals("peer torch: /usr/bin/python3 cannot import it (No module named 'torch'); install: apt-get install "
                + "-y python3-torch", o.failure());
    }

    @Test
    void crashNamesTheExitCodeAndLastLogLine() {
        RbmPeers.Outcome o = RbmPeerOutput.parse(NUMPY, List.of("Traceback (most recent call last):",
                "MemoryError: cannot allocate", ""), 1);
        assertEquals("peer numpy failed (exit code 1, 0 results): MemoryError: cannot allocate", o.failure());
        assertTrue(!o.missing());
    }

    @Test
    void missingInterpreterIsAFailureNotAnException() {
        RbmPeers.Peer ghost = new RbmPeers.Peer("numpy", dir.resolve("no-such-python").toString(), "--numpy-python",
                "pip install numpy");
        RbmPeers.Outcome o = RbmPeers.run(ghost, dir.resolve("x.py"), 1, List.of(), 1, 100, 0.01, 1);
        assertTrue(o.missing());
        assertTrue(o.failure().startsWith("peer numpy: cannot run " + ghost.python()), o.failure());
        assertTrue(o.failure().endsWith("; point --numpy-python at a Python 3 that has it (pip install numpy)"),
                o.failure());
    }

    @Test
    void commandPassesEveryJobAndSetting() {
        List<String> cmd = RbmPeers.command(NUMPY, Path.of("/s.py"), 2, List.of(new RbmPeers.Job(Path.of("/d/a.npy"), 64),
                new RbmPeers.Job(Path.of("/d/b.npy"), 256)), 3, 100, 0.01, 5);
        assertEquals(List.of("python3", "/s.py", "--impl", "numpy", "--threads", "2", "--epochs", "3", "--batch", "100",
                "--lr", "0.01", "--reps", "5", "--run", "/d/a.npy:64", "--run", "/d/b.npy:256"), cmd);
    }

    @Test
    void shippedNumpyPeerTrainsOnRgflowsFileAndReportsEveryRepetition() throws Exception {
        assumeTrue(PythonTools.canImport("python3", "numpy"), "python3 with numpy not available");
        Path data = dir.resolve("d.npy");
        byte[] rows = new byte[200 * 16];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (byte) (i % 5 == 0 ? 1 : 0);
        }
        RbmBenchData.write(data, rows, 200, 16);
        Path script = RbmPeers.extractScript();
        RbmPeers.Outcome o = RbmPeers.run(NUMPY, script, 1, List.of(new RbmPeers.Job(data, 8)), 2, 100, 0.01, 3);
        assertNull(o.failure());
        assertEquals(1, o.figures().size());
        RbmFigure f = o.figures().get(0);
        assertEquals(16, f.visible());
        assertEquals(8, f.hidden());
        assertEquals(200, f.rows());
        assertEquals(2, f.epochs());
        assertEquals(3, f.seconds().size());
        assertEquals(RbmBenchData.ones(rows), o.ones().get(data.toString()));
        assertNotNull(o.description());
        assertTrue(o.description().contains("numpy"), o.description());
        assertTrue(Files.exists(script));
    }

    @Test
    void shippedScriptReportsAMissingModule() {
        assumeTrue(PythonTools.canImport("python3", "numpy"), "python3 with numpy not available");
        assumeFalse(PythonTools.canImport("python3", "torch"), "torch is installed for python3");
        RbmPeers.Outcome o = RbmPeers.run(TORCH, RbmPeers.extractScript(), 1, List.of(), 1, 100, 0.01, 1);
        assertTrue(o.missing());
        assertTrue(o.failure().contains("torch") && o.failure().contains("apt-get install -y python3-torch"),
                o.failure());
    }
}
