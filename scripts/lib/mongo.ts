/** Checking MongoDB before anything else loads: fails within seconds with a sentence, not a stack. */
import { MongoClient } from 'mongodb'

export async function assertMongoReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch (error) {
    const host = url.replace(/\/\/[^@/]*@/, '//***@').split('/')[2] ?? url
    throw new Error(
      `MongoDB is unreachable at ${host} (${(error as Error).message}). ` +
        'Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    )
  } finally {
    await client.close().catch(() => {})
  }
}
