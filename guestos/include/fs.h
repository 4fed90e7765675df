/*
 * fs.h - the layout of the guest OS's disk: a read-only file table followed
 * by the files' bytes. #defines only: the kernel (assembly), the user
 * programs and the host tool that writes disk images (tools/mkfs.c) include it.
 *
 * Sector 0 starts with the header; the table of FS_ENTRY_SIZE-byte entries
 * follows it and may run on into the next sectors (FS_HDR_TABLE_SECTORS of
 * them in all). All numbers are little-endian 32-bit words.
 *
 *   header (FS_HDR_SIZE bytes at offset 0 of sector 0)
 *     +0  magic           FS_MAGIC ("TPZF")
 *     +4  number of files
 *     +8  sectors used by header and table together
 *     +12 total sectors of the image
 *   entry i (at FS_HDR_SIZE + i * FS_ENTRY_SIZE, counting across sectors)
 *     +0  name, NUL-padded (at most FS_NAME_MAX - 1 characters)
 *     +24 first sector of the file's bytes
 *     +28 size in bytes
 *
 * Files are stored in consecutive sectors, each file starting on a sector
 * boundary; the last sector is padded with zeros.
 */
#ifndef TRAPEZE_GUESTOS_FS_H
#define TRAPEZE_GUESTOS_FS_H

#define FS_MAGIC             0x465a5054   /* "TPZF" as a little-endian word */
#define FS_HDR_MAGIC         0
#define FS_HDR_NFILES        4
#define FS_HDR_TABLE_SECTORS 8
#define FS_HDR_TOTAL_SECTORS 12
#define FS_HDR_SIZE          16

#define FS_ENTRY_SIZE        32
#define FS_NAME_MAX          24           /* name bytes including the NUL     */
#define FS_ENT_NAME          0
#define FS_ENT_SECTOR        24
#define FS_ENT_SIZE          28

#define FS_SECTOR_SIZE       512

#endif
