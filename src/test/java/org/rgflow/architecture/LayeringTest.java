package org.rgflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/architecture.md: lower packages never import higher ones, only
 * {@code cli} knows every package, and library code never touches a global RNG.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rgflow");
    }

    private static void onlyDependsOn(String pkg, String... allowed) {
        StringBuilder others = new StringBuilder();
        String[] all = {"lattice", "hamiltonian", "mc", "observable", "critical", "data", "rbm", "train", "search",
            "analysis", "thermometer", "export", "plot", "cli", "config", "provenance", "backend", "bench", "modelzip"};
        java.util.List<String> forbidden = new java.util.ArrayList<>();
        for (String p : all) {
            if (!p.equals(pkg) && !java.util.Arrays.asList(allowed).contains(p)) {
                forbidden.add("org.rgflow." + p + "..");
            }
        }
        others.append(forbidden);
        noClasses().that().resideInAPackage("org.rgflow." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .allowEmptyShould(true)
                .because(pkg + " may only use " + java.util.Arrays.toString(allowed))
                .check(classes);
    }

    @Test
    void basePackagesDependOnNothingElse() {
        onlyDependsOn("lattice");
        onlyDependsOn("observable");
        onlyDependsOn("provenance");
        onlyDependsOn("config");
        onlyDependsOn("backend");
        onlyDependsOn("modelzip");
    }

    @Test
    void physicsPackagesStayBelowDataAndModels() {
        onlyDependsOn("hamiltonian", "lattice");
        onlyDependsOn("mc", "lattice", "hamiltonian", "observable");
    }

    @Test
    void criticalUsesPhysicsStatisticsAndFiguresButNoConfig() {
        onlyDependsOn("critical", "lattice", "hamiltonian", "mc", "observable", "plot", "provenance");
    }

    @Test
    void plotKnowsOnlyProvenance() {
        onlyDependsOn("plot", "provenance");
    }

    @Test
    void dataSeesOnlyArraysAndLabels() {
        onlyDependsOn("data", "provenance");
    }

    @Test
    void modelsSeeVectorsAndTrainingSeesModelsAndData() {
        onlyDependsOn("rbm");
        onlyDependsOn("train", "rbm", "data", "provenance", "observable", "plot", "modelzip");
        onlyDependsOn("export", "rbm", "provenance", "modelzip");
    }

    @Test
    void searchUsesModelsTrainingAndOutputsButNoConfig() {
        onlyDependsOn("search", "rbm", "train", "data", "export", "provenance", "observable", "plot", "mc", "lattice",
                "hamiltonian", "thermometer");
    }

    @Test
    void thermometerSeesDataAndOutputsOnly() {
        onlyDependsOn("thermometer", "data", "provenance", "observable", "plot", "modelzip");
    }

    @Test
    void analysisUsesPhysicsModelsAndOutputsButNoConfigCliOrTraining() {
        onlyDependsOn("analysis", "lattice", "hamiltonian", "mc", "observable", "rbm", "data", "provenance", "plot",
                "thermometer");
    }

    @Test
    void onlySearchImportsArbiter() {
        noClasses().that().resideOutsideOfPackage("org.rgflow.search..")
                .should().dependOnClassesThat().resideInAPackage("org.deeplearning4j.arbiter..")
                .because("Arbiter (beta7) is confined to org.rgflow.search (STACK.md section 5)")
                .check(classes);
    }

    /** Model zips are read only by modelzip.SafeModelZip (issue 14): DL4J's readers deserialize and trust sizes. */
    @Test
    void onlyWritingGoesThroughModelSerializer() {
        noClasses().should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<
                com.tngtech.archunit.core.domain.JavaMethodCall>("a ModelSerializer method other than writeModel") {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                return call.getTargetOwner().isEquivalentTo(org.deeplearning4j.util.ModelSerializer.class)
                        && !call.getName().equals("writeModel");
            }
        }).because("restoring, normalizers and objects/ entries run Java deserialization; load with "
                + "org.rgflow.modelzip.SafeModelZip").check(classes);
    }

    @Test
    void benchmarksDoNotDependOnTheCli() {
        noClasses().that().resideInAPackage("org.rgflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.rgflow.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noGlobalRandomNumberGenerators() {
        noClasses().should().callMethod(org.nd4j.linalg.factory.Nd4j.class, "getRandom")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.SplittableRandom.class)
                .because("randomness is explicit: seed every generator (docs/architecture.md)")
                .check(classes);
    }
}
