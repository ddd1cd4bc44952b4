import { MemoryStore } from "@quartieri/storage-memory"
import { runConformance } from "@quartieri/storage-testkit"

runConformance({ name: "memory", layer: MemoryStore.layer(), capabilities: MemoryStore.capabilities })
