// What a browser or edge bundle pulls in: every client package, bundled for platform "browser".
export * as core from '@searchauth/core';
export * as lucidworksAI from '@searchauth/lucidworks-ai';
export * as springboard from '@searchauth/lucidworks-springboard';
export * as oauth2 from '@searchauth/oauth2';
export * as sparque from '@searchauth/sparque';
export * as squirro from '@searchauth/squirro';
