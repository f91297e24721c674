import net from 'node:net'

/**
 * For tests of a database that goes away: a loopback port that forwards to the real server while
 * open. `close()` stops listening and cuts every connection (as a server restart or a network
 * failure would); `open()` listens on the same port again.
 */
export interface TcpForwarder {
  port: number
  close(): Promise<void>
  open(): Promise<void>
  stop(): Promise<void>
}

export async function startTcpForwarder(target: { host: string; port: number }, port = 0): Promise<TcpForwarder> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let listenPort = port
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream).pipe(client)
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      s.once('error', reject)
      s.listen(listenPort, '127.0.0.1', () => {
        listenPort = (s.address() as net.AddressInfo).port
        server = s
        resolve()
      })
    })
  const close = async () => {
    const s = server
    server = null
    for (const socket of sockets) socket.destroy()
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }
  await listen()
  return {
    get port() {
      return listenPort
    },
    close,
    open: listen,
    stop: close,
  }
}
