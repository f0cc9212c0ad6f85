package org.salwledger.core;

import org.junit.jupiter.api.Test;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.trace.IllicitGround;
import org.salwledger.core.trace.TraceOutcome;
import org.salwledger.core.trace.TracePriority;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ledger-format.md §2.1 lists every enumeration a signer may use, exactly as the code has it. */
class EnumerationsDocumentedTest {
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(ItemKind.class, WeaponCategory.class,
            PartType.class, Material.class, Production.class, MarkType.class, MarkingMethod.class, TransferKind.class,
            ItemStatus.class, IllicitGround.class, TraceOutcome.class, TracePriority.class, Role.class);

    @Test
    void theSpecListsEveryValueOfEveryEnumeration() throws Exception {
        List<String> spec = Files.readAllLines(Path.of("..", "docs", "ledger-format.md"));
        for (Class<? extends Enum<?>> type : ENUMS) {
            String values = Arrays.stream(type.getEnumConstants()).map(v -> "`" + v.name() + "`")
                    .collect(Collectors.joining(", "));
            String line = spec.stream().filter(l -> l.startsWith("- `" + type.getSimpleName() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs §2.1 does not list " + type.getSimpleName()));
            assertThat(line.substring(line.indexOf(": ") + 2)).as(type.getSimpleName()).isEqualTo(values);
        }
    }
}
