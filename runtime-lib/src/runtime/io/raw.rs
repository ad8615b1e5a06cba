//! A buffered OS file: one read-ahead buffer and one write buffer over a
//! `std::fs::File`, kept consistent when a file is both read and written
//! (a write first gives back the unread read-ahead, a read first flushes
//! pending writes). Bytes only: the text layer (`text.rs`) decodes.
//!
//! Pending writes reach the OS when the buffer fills, on `flush`/`close`,
//! when the file object is collected, when any file is opened or a path is
//! inspected through `os` (see [`flush_all`]), and at exit. The last two
//! stand in for CPython closing a file the moment its last reference goes
//! (`open(p, "w").write(s)` followed by reading `p`).

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::fd::{AsRawFd, IntoRawFd};
use std::rc::{Rc, Weak};

const CHUNK: usize = 8192;

/// The shared handle a file object holds: `None` once closed.
pub type RawHandle = Rc<RefCell<Option<RawFile>>>;

thread_local! {
    /// Every file opened on this thread that may still hold pending writes.
    static OPEN: RefCell<Vec<Weak<RefCell<Option<RawFile>>>>> = const { RefCell::new(Vec::new()) };
}

/// Registers a newly opened file (for [`flush_all`]) and returns its handle.
pub fn register(raw: RawFile) -> RawHandle {
    let h = Rc::new(RefCell::new(Some(raw)));
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        o.retain(|w| {
            w.upgrade()
                .is_some_and(|h| h.try_borrow().map_or(true, |f| f.is_some()))
        });
        o.push(Rc::downgrade(&h));
    });
    h
}

/// Writes every open file's pending data to the OS (errors are left for
/// the file's own `flush`/`close` to report).
pub fn flush_all() {
    OPEN.with(|o| {
        for w in o.borrow().iter() {
            if let Some(h) = w.upgrade() {
                if let Ok(mut f) = h.try_borrow_mut() {
                    if let Some(f) = f.as_mut() {
                        let _ = f.flush();
                    }
                }
            }
        }
    });
}

pub struct RawFile {
    file: Option<File>,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    pub readable: bool,
    pub writable: bool,
    /// Close the descriptor with the object (`open(fd, closefd=False)`: no).
    closefd: bool,
}

fn retry<R>(mut f: impl FnMut() -> io::Result<R>) -> io::Result<R> {
    loop {
        match f() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

impl RawFile {
    pub fn new(file: File, readable: bool, writable: bool, closefd: bool) -> RawFile {
        RawFile {
            file: Some(file),
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            readable,
            writable,
            closefd,
        }
    }

    fn file(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))
    }

    pub fn fd(&self) -> i32 {
        self.file.as_ref().map_or(-1, |f| f.as_raw_fd())
    }

    /// The read-ahead bytes not yet consumed.
    pub fn available(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Consumes `n` read-ahead bytes.
    pub fn consume(&mut self, n: usize) {
        self.rpos = (self.rpos + n).min(self.rbuf.len());
    }

    /// Reads more bytes into the read-ahead; 0 at end of file.
    pub fn fill(&mut self) -> io::Result<usize> {
        self.flush()?;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        } else if self.rpos >= CHUNK {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        self.rbuf.resize(old + CHUNK, 0);
        let (file, buf) = (self.file.as_mut(), &mut self.rbuf[old..]);
        let r = match file {
            Some(f) => retry(|| f.read(buf)),
            None => Err(io::Error::from_raw_os_error(libc::EBADF)),
        };
        let n = *r.as_ref().unwrap_or(&0);
        self.rbuf.truncate(old + n);
        r
    }

    /// Fills until at least `n` bytes are available or the file ends.
    /// Returns whether the file ended.
    pub fn fill_to(&mut self, n: usize) -> io::Result<bool> {
        while self.available().len() < n {
            if self.fill()? == 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Everything up to the end of the file.
    pub fn read_all(&mut self) -> io::Result<Vec<u8>> {
        self.flush()?;
        let mut out = self.available().to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        let f = self.file()?;
        retry(|| f.read_to_end(&mut out))?;
        Ok(out)
    }

    /// Up to `n` bytes (fewer only at the end of the file).
    pub fn read_upto(&mut self, n: usize) -> io::Result<Vec<u8>> {
        self.fill_to(n)?;
        let take = n.min(self.available().len());
        let out = self.available()[..take].to_vec();
        self.consume(take);
        Ok(out)
    }

    /// Gives back the read-ahead before writing (the OS position moves
    /// back to the logical position).
    fn unread(&mut self) -> io::Result<()> {
        let unread = self.available().len() as i64;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            self.file()?.seek(SeekFrom::Current(-unread))?;
        }
        Ok(())
    }

    /// Forgets the read-ahead, so the logical position moves to its end:
    /// a text file's write after a read lands where CPython's would (its
    /// decoder has consumed a whole chunk of the underlying buffer).
    pub fn skip_readahead(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
    }

    pub fn write(&mut self, data: &[u8]) -> io::Result<()> {
        if !self.rbuf.is_empty() {
            self.unread()?;
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes pending data to the OS.
    pub fn flush(&mut self) -> io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        let f = self.file()?;
        retry(|| f.write_all(&data))
    }

    pub fn tell(&mut self) -> io::Result<u64> {
        let unread = self.available().len() as u64;
        let pending = self.wbuf.len() as u64;
        let pos = self.file()?.stream_position()?;
        Ok((pos + pending).saturating_sub(unread))
    }

    pub fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.flush()?;
        let to = match to {
            SeekFrom::Current(off) => SeekFrom::Current(off - self.available().len() as i64),
            other => other,
        };
        self.rbuf.clear();
        self.rpos = 0;
        self.file()?.seek(to)
    }

    /// Truncates (or extends) the file to `size` bytes, default the
    /// current position; the position does not move.
    pub fn truncate(&mut self, size: Option<u64>) -> io::Result<u64> {
        let pos = self.tell()?;
        self.flush()?;
        if !self.rbuf.is_empty() {
            self.unread()?;
        }
        let size = size.unwrap_or(pos);
        self.file()?.set_len(size)?;
        Ok(size)
    }

    pub fn is_dir(&mut self) -> bool {
        self.file()
            .ok()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.is_dir())
    }

    pub fn seekable(&mut self) -> bool {
        self.file().is_ok_and(|f| f.stream_position().is_ok())
    }

    /// Flushes and closes (the descriptor stays open without closefd).
    pub fn close(&mut self) -> io::Result<()> {
        let r = self.flush();
        if let Some(f) = self.file.take() {
            if !self.closefd {
                let _ = f.into_raw_fd();
            }
        }
        r
    }
}

impl Drop for RawFile {
    fn drop(&mut self) {
        let _ = self.close();
    }
}
