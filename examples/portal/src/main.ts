/**
 * `pnpm --filter @quartieri/example-portal start`: the example portal on
 * http://127.0.0.1:8787 (`PORT` to change the port, `PORTAL_TODAY` the date it takes as
 * today). Stop it with Ctrl-C: the temporary SQLite file is removed.
 *
 * @since 0.1.0
 */
import * as Portal from "./Portal.js"

const port = Number(process.env.PORT ?? "8787")
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`)
  process.exit(2)
}
const today = process.env.PORTAL_TODAY

const portal = await Portal.start({ port, ...(today === undefined ? {} : { today }) })
console.log(`quartieri — portale di esempio: ${portal.url}`)
console.log(`archivio SQLite temporaneo: ${portal.database}`)
console.log(
  "NESSUNA AUTENTICAZIONE: chiunque raggiunga questo indirizzo può agire come qualsiasi attore. Ctrl-C per fermare."
)

const stop = () => {
  portal.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
}
process.once("SIGINT", stop)
process.once("SIGTERM", stop)
