/**
 * Debian's nginx run by an ordinary process (the benchmark, the tests): where it is, and the main
 * file Debian's /etc/nginx/nginx.conf would be, with every path nginx writes to kept in one folder.
 */
import { existsSync } from 'node:fs'

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file))

export function standaloneNginxConfig(options: {
  /** The folder for nginx's pid, logs and temporary files. */
  dir: string
  /** What goes inside `http { … }` after the common lines: servers, includes. */
  http: string
  workerConnections?: number
  /** An access log in the folder, or none. */
  accessLog?: boolean
}): string {
  const { dir } = options
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${options.workerConnections ?? 256}; }
http {
  include /etc/nginx/mime.types;
  access_log ${options.accessLog ? `${dir}/access.log` : 'off'};
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${options.http}
}
`
}
